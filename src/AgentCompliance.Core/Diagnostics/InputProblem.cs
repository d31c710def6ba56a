namespace AgentCompliance.Core.Diagnostics;

/// <summary>
/// One problem in a file the user gave us, located precisely enough for an editor to jump to it.
/// Rendered as <c>file:line:column: message (hint)</c>; never carries a secret value.
/// </summary>
public sealed record InputProblem(string File, int Line, int Column, string Message, string? Hint = null)
{
    public override string ToString()
    {
        var location = Line > 0 ? $"{File}:{Line}:{Math.Max(Column, 1)}" : File;
        return Hint is null ? $"{location}: {Message}" : $"{location}: {Message} (hint: {Hint})";
    }
}
