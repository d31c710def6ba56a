using AgentCompliance.Core.SystemModels;

namespace AgentCompliance.Steps.Design;

/// <summary>The system model a scenario reviews; shared between design-review binding classes by context injection.</summary>
public sealed class SystemModelContext
{
    private SystemModel? _model;
    private TrustBoundaryMap? _boundaries;

    /// <summary>The loaded model; a model without agents fails every design control instead of passing it vacuously.</summary>
    public SystemModel Model
    {
        get
        {
            var model = _model ?? throw new InvalidOperationException(
                "no system model loaded: start the scenario with 'Given the system model \"path\"' or 'Given the target's system model'");
            return model.Agents.Count > 0
                ? model
                : throw new ControlFailedException($"the system model '{model.Name}' lists no agents: nothing can be verified until its agents, identities and flows are modelled");
        }
    }

    public TrustBoundaryMap Boundaries => _boundaries ??= new TrustBoundaryMap(Model);

    public void Use(SystemModel model)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _boundaries = null;
    }

    /// <summary>Display name of an element for messages: <c>Name (id)</c>, or the id when it has no name.</summary>
    public string Describe(string id) => Model.Find(id) switch
    {
        AgentElement agent => $"agent '{agent.Name}' ({id})",
        HumanElement human => $"human '{human.Name}' ({id})",
        IdentityElement identity => $"identity '{identity.Name}' ({id})",
        ToolElement tool => $"tool '{tool.Name}' ({id})",
        DataFlow flow => flow.Name is null ? $"flow {id}" : $"flow '{flow.Name}' ({id})",
        _ => id,
    };
}
