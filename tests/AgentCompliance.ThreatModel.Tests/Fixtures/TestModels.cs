using AgentCompliance.Core.SystemModels;

namespace AgentCompliance.ThreatModel.Tests.Fixtures;

/// <summary>The hardened fixture model and small edits that each add one weakness to it.</summary>
internal static class TestModels
{
    private static readonly Lazy<SystemModel> HardenedModel = new(() => SystemModelLoader.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "hardened-platform.yaml")));

    public static SystemModel Hardened => HardenedModel.Value;

    public static SystemModel ReferencePlatform => SystemModelLoader.Load(RepositoryLayout.PathOf("samples", "system-models", "reference-platform.yaml"));

    public static SystemModel WithIdentity(this SystemModel model, string id, Func<IdentityElement, IdentityElement> change) =>
        model with { Identities = [.. model.Identities.Select(i => i.Id == id ? change(i) : i)] };

    public static SystemModel WithFlow(this SystemModel model, string id, Func<DataFlow, DataFlow> change) =>
        model with { Flows = [.. model.Flows.Select(f => f.Id == id ? change(f) : f)] };

    public static SystemModel WithTool(this SystemModel model, string id, Func<ToolElement, ToolElement> change) =>
        model with { Tools = [.. model.Tools.Select(t => t.Id == id ? change(t) : t)] };

    public static SystemModel WithAgent(this SystemModel model, string id, Func<AgentElement, AgentElement> change) =>
        model with { Agents = [.. model.Agents.Select(a => a.Id == id ? change(a) : a)] };

    public static SystemModel WithBoundary(this SystemModel model, string id, Func<TrustBoundary, TrustBoundary> change) =>
        model with { TrustBoundaries = [.. model.TrustBoundaries.Select(b => b.Id == id ? change(b) : b)] };

    public static SystemModel Adding(this SystemModel model, DataFlow flow) => model with { Flows = [.. model.Flows, flow] };

    public static SystemModel Adding(this SystemModel model, IdentityElement identity) => model with { Identities = [.. model.Identities, identity] };

    public static SystemModel Adding(this SystemModel model, ExternalServiceElement external) => model with { ExternalServices = [.. model.ExternalServices, external] };

    public static SystemModel Adding(this SystemModel model, DataStoreElement store) => model with { DataStores = [.. model.DataStores, store] };

    public static SystemModel Adding(this SystemModel model, ToolElement tool) => model with { Tools = [.. model.Tools, tool] };

    public static SystemModel Adding(this SystemModel model, ServiceElement service) => model with { Services = [.. model.Services, service] };

    public static SystemModel Adding(this SystemModel model, AgentElement agent) => model with { Agents = [.. model.Agents, agent] };

    public static SystemModel WithoutService(this SystemModel model, string id) =>
        model with { Services = [.. model.Services.Where(s => s.Id != id)], Flows = [.. model.Flows.Where(f => f.From != id && f.To != id)] };

    /// <summary>A flow with the hardened defaults (https, OAuth 2.0, request-time policy, central audit, 300 s).</summary>
    public static DataFlow Flow(string id, string from, string to) => new()
    {
        Id = id,
        From = from,
        To = to,
        Protocol = FlowProtocol.Https,
        Authentication = FlowAuthentication.OAuth2,
        Authorization = FlowAuthorization.PolicyAtRequestTime,
        Logging = FlowLogging.CentralAudit,
        CredentialLifetimeSeconds = 300,
        ReevaluatesAfterSensitiveActions = true,
    };

    /// <summary>A hardened identity (key-based, 300 s, issued by the IdP) of the given kind and credential.</summary>
    public static IdentityElement Identity(string id, IdentityKind kind, CredentialType credential, params string[] usedBy) => new()
    {
        Id = id,
        Name = id,
        Kind = kind,
        CredentialType = credential,
        CredentialLifetimeSeconds = 300,
        IssuedBy = "idp",
        UsedBy = usedBy,
    };

    public static ExternalServiceElement External(string id, ExternalServiceKind kind = ExternalServiceKind.Saas) => new() { Id = id, Name = id, Kind = kind };
}
