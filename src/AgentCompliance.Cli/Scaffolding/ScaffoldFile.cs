namespace AgentCompliance.Cli.Scaffolding;

/// <summary>One file <c>agentcompliance init</c> writes: the embedded template it copies and where it goes in the new project.</summary>
/// <param name="Template">File name of the template under Scaffolding/Templates (embedded as <c>scaffold/NAME</c>).</param>
/// <param name="RelativePath">Path inside the project folder, with '/' separators.</param>
internal sealed record ScaffoldFile(string Template, string RelativePath);
