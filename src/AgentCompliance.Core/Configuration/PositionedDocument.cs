using AgentCompliance.Core.Diagnostics;
using Newtonsoft.Json.Linq;

namespace AgentCompliance.Core.Configuration;

/// <summary>
/// A parsed input file as a JSON tree that remembers where every node came from, so schema and semantic checks can
/// report the line and column of the offending node in the user's YAML (not in some re-serialised JSON).
/// </summary>
public sealed class PositionedDocument
{
    private readonly IReadOnlyDictionary<JToken, SourcePosition> positions;
    private readonly IReadOnlySet<JToken> quotedScalars;

    internal PositionedDocument(
        string file,
        JToken root,
        IReadOnlyDictionary<JToken, SourcePosition> positions,
        IReadOnlySet<JToken> quotedScalars)
    {
        File = file;
        Root = root;
        this.positions = positions;
        this.quotedScalars = quotedScalars;
    }

    /// <summary>The file name as the user gave it; used verbatim in problems.</summary>
    public string File { get; }

    /// <summary>The document's content. Treat as read-only: positions are tracked per node instance.</summary>
    public JToken Root { get; }

    /// <summary>
    /// Where a node starts. For a <see cref="JProperty"/> this is its key; for any other node, its value.
    /// Nodes created after parsing fall back to their nearest parsed ancestor.
    /// </summary>
    public SourcePosition PositionOf(JToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        for (JToken? current = token; current is not null; current = current.Parent)
        {
            if (positions.TryGetValue(current, out var position))
            {
                return position;
            }
        }

        return SourcePosition.FileStart;
    }

    /// <summary>A problem located at the given node.</summary>
    public InputProblem ProblemAt(JToken token, string message, string? hint = null)
    {
        var position = PositionOf(token);
        return new InputProblem(File, position.Line, position.Column, message, hint);
    }

    /// <summary>True when the value was written as a quoted (or block) YAML scalar, i.e. explicitly as text.</summary>
    internal bool IsQuotedScalar(JToken token) => quotedScalars.Contains(token);
}
