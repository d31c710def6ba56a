using AgentCompliance.Core.SystemModels;

namespace AgentCompliance.ThreatModel.Modeling;

/// <summary>
/// A system model indexed for threat rules: lookups by id, flows by end, identities by user, boundary crossings and
/// MAESTRO layers, computed once so that a rule reads like its detection logic.
/// </summary>
public sealed class ModelView
{
    private readonly Dictionary<string, ModelElement> _byId;
    private readonly ILookup<string, DataFlow> _flowsFrom;
    private readonly ILookup<string, DataFlow> _flowsTo;
    private readonly ILookup<string, IdentityElement> _identitiesByUser;

    public ModelView(SystemModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        Boundaries = new TrustBoundaryMap(model);
        _byId = new Dictionary<string, ModelElement>(StringComparer.Ordinal);
        foreach (var element in model.Elements)
        {
            _byId.TryAdd(element.Id, element);
        }

        _flowsFrom = model.Flows.ToLookup(f => f.From, StringComparer.Ordinal);
        _flowsTo = model.Flows.ToLookup(f => f.To, StringComparer.Ordinal);
        _identitiesByUser = model.Identities.SelectMany(i => i.UsedBy.Select(u => (User: u, Identity: i)))
            .ToLookup(p => p.User, p => p.Identity, StringComparer.Ordinal);
    }

    public SystemModel Model { get; }

    public TrustBoundaryMap Boundaries { get; }

    /// <summary>The id system-wide threats attach to (the model's name), e.g. "no audit log anywhere".</summary>
    public string SystemId => Model.Name;

    public ModelElement? Find(string id) => _byId.GetValueOrDefault(id);

    public T? Find<T>(string? id)
        where T : ModelElement => id is not null && _byId.TryGetValue(id, out var element) ? element as T : null;

    public bool IsAgent(string id) => Find<AgentElement>(id) is not null;

    public bool IsHuman(string id) => Find<HumanElement>(id) is not null;

    public bool IsService(string id, ServiceKind kind) => Find<ServiceElement>(id)?.Kind == kind;

    public bool HasService(ServiceKind kind) => Model.Services.Any(s => s.Kind == kind);

    public IEnumerable<DataFlow> FlowsFrom(string id) => _flowsFrom[id];

    public IEnumerable<DataFlow> FlowsTo(string id) => _flowsTo[id];

    /// <summary>Identities whose <c>usedBy</c> names this agent or human.</summary>
    public IEnumerable<IdentityElement> IdentitiesOf(string userId) => _identitiesByUser[userId];

    /// <summary>Flows that present this identity.</summary>
    public IEnumerable<DataFlow> FlowsPresenting(string identityId) =>
        Model.Flows.Where(f => string.Equals(f.Identity, identityId, StringComparison.Ordinal));

    /// <summary>The tools an agent may call, resolved; unknown ids are skipped (the loader already rejects them).</summary>
    public IEnumerable<ToolElement> ToolsOf(AgentElement agent) => agent.Tools.Select(Find<ToolElement>).OfType<ToolElement>();

    /// <summary>The tools a flow carries, resolved.</summary>
    public IEnumerable<ToolElement> ToolsOn(DataFlow flow) => flow.Tools.Select(Find<ToolElement>).OfType<ToolElement>();

    /// <summary>Agents that may call the tool.</summary>
    public IEnumerable<AgentElement> AgentsUsing(ToolElement tool) => Model.Agents.Where(a => a.Tools.Contains(tool.Id, StringComparer.Ordinal));

    public bool Crosses(DataFlow flow) => Boundaries.Crosses(flow);

    /// <summary>True when the flow crosses a tenant or organisation boundary: the other end belongs to someone else.</summary>
    public bool LeavesOrganisation(DataFlow flow) =>
        Boundaries.BoundariesCrossedBy(flow).Select(Find<TrustBoundary>).Any(b => b?.Kind is TrustBoundaryKind.Tenant or TrustBoundaryKind.Organisation);

    /// <summary>Where the element sits in MAESTRO: its own override, else the default for its kind.</summary>
    public IReadOnlyList<MaestroLayer> LayersOf(string id) => Find(id) is { } element ? MaestroLayerAssignment.LayersOf(element, this) : [];

    /// <summary>A readable name for messages: the element's name when it has one, else its id.</summary>
    public string NameOf(string id) => Find(id) switch
    {
        AgentElement a => a.Name,
        HumanElement h => h.Name,
        IdentityElement i => i.Name,
        ServiceElement s => s.Name,
        ToolElement t => t.Name,
        DataStoreElement d => d.Name,
        ExternalServiceElement e => e.Name,
        TrustBoundary b => b.Name,
        DataFlow f => f.Name ?? f.Id,
        _ => id,
    };
}
