using AgentCompliance.Analysis.Model;
using Microsoft.CodeAnalysis;

namespace AgentCompliance.Analysis.Engine;

/// <summary>A finding as a rule reports it, before suppressions, paths and fingerprints are worked out.</summary>
internal sealed record ReportedFinding(RuleDescriptor Rule, Location Location, string Message);
