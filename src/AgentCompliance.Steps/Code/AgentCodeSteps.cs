using AgentCompliance.Core.Configuration;
using Reqnroll;

namespace AgentCompliance.Steps.Code;

/// <summary>Loads the agents' C# source and runs the Roslyn analysis rules over it, once per scenario.</summary>
[Binding]
public sealed class AgentCodeSteps(AgentCodeContext context, TargetContext target, IReqnrollOutputHelper output)
{
    /// <summary>Analyses the C# code at this folder, .csproj, .sln or .cs file (relative to the current directory, or absolute).</summary>
    /// <example>Given the agent code at "samples/agents/weak"</example>
    [Given("the agent code at {string}")]
    public void GivenTheAgentCodeAt(string path) => Analyse([path]);

    /// <summary>Analyses every path under the target profile's <c>analysis.paths</c> key.</summary>
    /// <example>Given the target's agent code</example>
    [Given("the target's agent code")]
    public void GivenTheTargetsAgentCode()
    {
        var profile = target.RequireProfile();
        if (profile.Analysis.Paths.Count == 0)
        {
            throw new InvalidOperationException(
                $"the target profile {profile.SourceFile} names no agent code; add 'analysis: {{paths: [path/to/agents]}}'");
        }

        Analyse(profile.Analysis.Paths);
    }

    private void Analyse(IReadOnlyList<string> paths)
    {
        foreach (var (report, fresh) in context.Use(paths))
        {
            output.WriteLine(
                $"{(fresh ? "analysed" : "reusing this scenario's analysis of")} {report.RootDirectory}: {report.FileCount} C# files, " +
                $"{report.Rules.Count} rules, {report.Unsuppressed.Count()} unsuppressed findings, {report.Findings.Count(f => f.IsSuppressed)} suppressed");
            foreach (var warning in report.Warnings)
            {
                output.WriteLine($"warning: {warning}");
            }
        }
    }
}
