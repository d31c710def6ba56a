using System.Text;

namespace AgentCompliance.Reporting.Ci;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…,title=…::message</c>), escaped the way the runner
/// unescapes them: in the message <c>%</c>, CR and LF; in property values also <c>:</c> and <c>,</c>, which would
/// otherwise end the value. Without this a failure message with a line break loses everything after it, and one
/// containing <c>::</c> could issue a command of its own.
/// </summary>
public static class WorkflowCommand
{
    /// <summary>One command line, e.g. <c>Format("error", [("file", "a.feature"), ("line", "3")], "boom")</c>.</summary>
    public static string Format(string command, IEnumerable<(string Name, string Value)> properties, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(message);
        var line = new StringBuilder("::").Append(command);
        var first = true;
        foreach (var (name, value) in properties)
        {
            line.Append(first ? ' ' : ',').Append(name).Append('=').Append(EscapeProperty(value));
            first = false;
        }

        return line.Append("::").Append(EscapeData(message)).ToString();
    }

    public static string EscapeData(string value)
    {
        ArgumentNullException.ThrowIfNull(value);

        // '%' first, or the escapes added for the other characters would be escaped again.
        return value.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);
    }

    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
