using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>One threat rule: metadata plus the detection logic that finds the weakness in a system model.</summary>
public interface IThreatRule
{
    ThreatRuleMetadata Metadata { get; }

    /// <summary>Every place in the model where the weakness is present; empty when the model does not have it.</summary>
    IEnumerable<RuleMatch> Evaluate(ModelView model);
}
