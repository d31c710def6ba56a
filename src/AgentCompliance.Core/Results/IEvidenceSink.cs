namespace AgentCompliance.Core.Results;

/// <summary>
/// Where a step puts what it observed (an HTTP exchange, decoded claims, a measured time). The scenario engine
/// attaches each item to the step that is running and redacts it before it is stored. Step bindings receive it by
/// context injection.
/// </summary>
public interface IEvidenceSink
{
    void Add(EvidenceItem item);
}
