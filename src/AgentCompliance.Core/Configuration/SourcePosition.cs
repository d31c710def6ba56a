namespace AgentCompliance.Core.Configuration;

/// <summary>A 1-based line and column in a source file, as editors count them.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <summary>Line 1, column 1: used for problems that concern the whole file.</summary>
    public static SourcePosition FileStart { get; } = new(1, 1);
}
