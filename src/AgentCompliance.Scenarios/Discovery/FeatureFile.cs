namespace AgentCompliance.Scenarios.Discovery;

/// <summary>A <c>.feature</c> file found on disk.</summary>
/// <param name="FullPath">Absolute path, used to read the file.</param>
/// <param name="RelativePath">Path relative to the features root it was found under, with forward slashes; the
/// prefix of every scenario ID, so it must not depend on where the command was started.</param>
/// <param name="DisplayPath">Path as the user would type it (relative to the working directory when possible), used
/// in error messages so an editor can jump to the file.</param>
public sealed record FeatureFile(string FullPath, string RelativePath, string DisplayPath);
