using AgentCompliance.Analysis.Engine;
using AgentCompliance.Analysis.Model;

namespace AgentCompliance.Analysis.Rules;

/// <summary>One analysis rule: its metadata and the callbacks it registers (node kinds, tool methods, end of analysis).</summary>
public interface IAnalysisRule
{
    RuleDescriptor Descriptor { get; }

    /// <summary>Called once per analysis; keep per-analysis state in closures created here.</summary>
    void Register(RuleRegistrar registrar);
}
