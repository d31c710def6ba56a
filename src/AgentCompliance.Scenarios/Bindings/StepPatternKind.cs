namespace AgentCompliance.Scenarios.Bindings;

/// <summary>How a step definition's pattern is written, as Reqnroll decided when it registered the binding.</summary>
public enum StepPatternKind
{
    CucumberExpression,
    RegularExpression,

    /// <summary>No pattern in the attribute: Reqnroll derives one from the method name.</summary>
    MethodName,
}
