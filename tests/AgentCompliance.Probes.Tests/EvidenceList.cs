using System.Collections.Concurrent;
using AgentCompliance.Core.Results;

namespace AgentCompliance.Probes.Tests;

/// <summary>Collects what probes record, so tests can assert on evidence as a report would show it.</summary>
internal sealed class EvidenceList : IEvidenceSink
{
    public ConcurrentQueue<EvidenceItem> Items { get; } = new();

    public void Add(EvidenceItem item) => Items.Enqueue(item);

    public string AllText => string.Join("\n", Items.Select(i => $"{i.Kind} {i.Title}\n{i.Text}"));
}
