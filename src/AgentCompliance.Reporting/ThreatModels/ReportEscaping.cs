using System.Globalization;
using System.Text;

namespace AgentCompliance.Reporting.ThreatModels;

/// <summary>
/// Escapes values for the context a template puts them in. Every value that comes from a target, code or a model is
/// untrusted: a tool description containing <c>&lt;script&gt;</c> must show as text in HTML, SVG and Markdown alike.
/// Templates call these as <c>h</c>, <c>md</c> and <c>anchor</c>.
/// </summary>
public static class ReportEscaping
{
    private const string MarkdownSpecials = "\\`*_{}[]()#+!|~";

    /// <summary>HTML text, attribute values (always quoted) and SVG text: &amp; &lt; &gt; " ' become entities.</summary>
    public static string Html(object? value)
    {
        var text = Text(value);
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                '\'' => builder.Append("&#39;"),

                // Control characters other than tab and newline are invalid in HTML and XML (SVG).
                _ when char.IsControl(c) && c is not '\t' and not '\n' and not '\r' => builder.Append('\uFFFD'),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    /// <summary>Markdown inline text (table cells, list items): one line, Markdown syntax and HTML neutralised.</summary>
    public static string Markdown(object? value)
    {
        var text = Text(value);
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (c is '\r' or '\n')
            {
                builder.Append(' ');
            }
            else if (c == '<')
            {
                builder.Append("&lt;");
            }
            else if (c == '>')
            {
                builder.Append("&gt;");
            }
            else if (c == '&')
            {
                builder.Append("&amp;");
            }
            else if (MarkdownSpecials.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\').Append(c);
            }
            else if (char.IsControl(c) && c != '\t')
            {
                builder.Append('\uFFFD');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A fragment identifier made only of [a-z0-9-], so it is safe in any attribute or URL: <c>MAESTRO-L7:Agent Impersonation</c> → <c>maestro-l7-agent-impersonation</c>.</summary>
    public static string Anchor(object? value)
    {
        var text = Text(value).ToLowerInvariant();
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().TrimEnd('-');
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
