namespace AgentCompliance.ThreatModel.Modeling;

/// <summary>
/// Likelihood × impact on 1–5 scales. Residual likelihood is lowered only by passed mitigating controls, in
/// proportion to the share of testable controls that passed, and never below 1: a tested control narrows a risk,
/// it does not remove it.
/// </summary>
public static class RiskScore
{
    public static int ResidualLikelihood(int likelihood, int passedControls, int testableControls)
    {
        if (testableControls <= 0 || passedControls <= 0)
        {
            return likelihood;
        }

        var share = Math.Min(1.0, passedControls / (double)testableControls);
        return Math.Max(1, likelihood - (int)Math.Round((likelihood - 1) * share, MidpointRounding.AwayFromZero));
    }

    /// <summary>low (1–4), medium (5–9), high (10–14), critical (15–25).</summary>
    public static string Level(int score) => score switch
    {
        >= 15 => "critical",
        >= 10 => "high",
        >= 5 => "medium",
        _ => "low",
    };
}
