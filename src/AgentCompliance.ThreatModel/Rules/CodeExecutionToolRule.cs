using AgentCompliance.Core.SystemModels;
using AgentCompliance.ThreatModel.Modeling;

namespace AgentCompliance.ThreatModel.Rules;

/// <summary>TM039: Tool that executes code or commands.</summary>
public sealed class CodeExecutionToolRule : IThreatRule
{
    public ThreatRuleMetadata Metadata { get; } = new(
        Id: "TM039",
        Title: "Tool that executes code or commands",
        Layers: [MaestroLayer.L3, MaestroLayer.L4],
        Controls: ["ASI05", "LLM05", "MAESTRO-L4:Resource Hijacking"],
        Likelihood: 3,
        Impact: 5,
        Mitigation: "Run generated code only in a sandbox (no network, non-root, resource limits) after a validation gate; never eval in the agent process.",
        DetectionLogic: "A tool whose name mentions exec, shell, eval, bash, python, script, run_code or terminal.",
        FalsePositives: "Tools named like this that only run a fixed, vetted command.");

    public IEnumerable<RuleMatch> Evaluate(ModelView model) =>
        from tool in model.Model.Tools
        where ExecutionWords.Any(word => tool.Name.Contains(word, StringComparison.OrdinalIgnoreCase))
        select new RuleMatch(tool.Id, $"tool '{tool.Name}' appears to run code or commands chosen by the agent");

    private static readonly string[] ExecutionWords = ["exec", "shell", "eval", "bash", "python", "script", "run_code", "run-code", "terminal"];
}
