using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.SystemModels;
using Reqnroll;

namespace AgentCompliance.Steps.Design;

/// <summary>Loads the system model that the design-review steps check.</summary>
[Binding]
public sealed class SystemModelSteps(SystemModelContext context, TargetContext target, IReqnrollOutputHelper output)
{
    /// <summary>Reviews the system model in this file (relative to the current directory).</summary>
    /// <example>Given the system model "samples/system-models/reference-platform.yaml"</example>
    [Given("the system model {string}")]
    public void GivenTheSystemModel(string path) => Load(Path.GetFullPath(path));

    /// <summary>Reviews the system model named by the target profile's <c>systemModel</c> key.</summary>
    /// <example>Given the target's system model</example>
    [Given("the target's system model")]
    public void GivenTheTargetsSystemModel()
    {
        var profile = target.RequireProfile();
        Load(profile.SystemModel ?? throw new InvalidOperationException(
            $"the target profile {profile.SourceFile} names no systemModel; add 'systemModel: path/to/model.yaml'"));
    }

    private void Load(string path)
    {
        var model = SystemModelLoader.Load(path);
        context.Use(model);
        output.WriteLine(
            $"system model '{model.Name}' from {Path.GetFileName(path)}: {model.Agents.Count} agents, {model.Identities.Count} identities, " +
            $"{model.Tools.Count} tools, {model.TrustBoundaries.Count} trust boundaries, {model.Flows.Count} flows");
    }
}
