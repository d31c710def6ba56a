namespace AgentCompliance.Scenarios.Parsing;

/// <summary>Which runner call a step becomes; And/But continue the previous block as Reqnroll's generator does.</summary>
public enum StepKeywordKind
{
    Given,
    When,
    Then,
    And,
    But,
}
