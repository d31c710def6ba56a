namespace AgentCompliance.Core.Configuration;

/// <summary>
/// A published port of a profile container, as the placeholder <c>${containers.NAME.ports.PORT}</c> names it:
/// the key under which the host port chosen at start-up is looked up.
/// </summary>
public sealed record ContainerPortReference(string Container, int Port)
{
    public override string ToString() => $"${{containers.{Container}.ports.{Port}}}";
}
