namespace AgentCompliance.Analysis.Model;

/// <summary>
/// What a rule is about, written for the person who reads a finding: IDs are stable (<c>AC0001</c>…), the message
/// format takes the finding's arguments ({0}, {1}…), and <see cref="Controls"/> are catalog IDs the rule evidences.
/// </summary>
/// <param name="Id">Stable rule ID, e.g. <c>AC0001</c>; also what suppressions name.</param>
/// <param name="Name">PascalCase name for SARIF (<c>HardcodedCredential</c>).</param>
/// <param name="Title">One-line summary.</param>
/// <param name="MessageFormat">Composite format for each finding's message.</param>
/// <param name="Severity">Default level of the rule's findings.</param>
/// <param name="SecuritySeverity">0–10 score GitHub code scanning uses to rank alerts (critical ≥ 9, high ≥ 7, medium ≥ 4).</param>
/// <param name="Help">Why it matters and how to fix it.</param>
/// <param name="Controls">Canonical catalog control IDs (ASI, NHI, LLM, MAESTRO, NIST AI RMF, T-codes).</param>
public sealed record RuleDescriptor(
    string Id,
    string Name,
    string Title,
    string MessageFormat,
    RuleSeverity Severity,
    double SecuritySeverity,
    string Help,
    IReadOnlyList<string> Controls)
{
    public string FormatMessage(params object?[] arguments) =>
        arguments.Length == 0 ? MessageFormat : string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, arguments);

    public override string ToString() => Id;
}
