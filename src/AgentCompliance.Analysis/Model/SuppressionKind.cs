namespace AgentCompliance.Analysis.Model;

/// <summary>Where a suppression came from, as SARIF names it.</summary>
public enum SuppressionKind
{
    /// <summary><c>#pragma warning disable</c> or <c>[SuppressMessage]</c> in the analysed code.</summary>
    InSource,

    /// <summary>A file outside the code, such as a waiver list.</summary>
    External,
}
