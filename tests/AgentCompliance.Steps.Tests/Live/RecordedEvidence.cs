using AgentCompliance.Core.Results;

namespace AgentCompliance.Steps.Tests.Live;

/// <summary>What live steps recorded, as the engine would attach it to the step.</summary>
internal sealed class RecordedEvidence : IEvidenceSink
{
    public List<EvidenceItem> Items { get; } = [];

    public void Add(EvidenceItem item) => Items.Add(item);
}
