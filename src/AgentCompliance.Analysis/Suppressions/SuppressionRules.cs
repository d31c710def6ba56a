using AgentCompliance.Analysis.Model;

namespace AgentCompliance.Analysis.Suppressions;

/// <summary>The engine's own diagnostic about suppressions, listed with the rules so SARIF can reference it.</summary>
public static class SuppressionRules
{
    public static RuleDescriptor UnjustifiedSuppression { get; } = new(
        "AC0000",
        "UnjustifiedSuppression",
        "Suppression without a justification",
        "{0} suppresses {1} without a justification, so the finding stays active; add one ({2})",
        RuleSeverity.Note,
        1.0,
        "A suppression is an accepted risk and assessors need to know why it was accepted. `#pragma warning disable AC0001` " +
        "only suppresses when a comment follows it on the same line (`#pragma warning disable AC0001 // key is a public test vector`), and " +
        "`[SuppressMessage(\"AgentCompliance\", \"AC0001\")]` only when it sets `Justification = \"...\"` (not \"<Pending>\").",
        ["GOVERN 1.4", "MANAGE 1.4"]);
}
