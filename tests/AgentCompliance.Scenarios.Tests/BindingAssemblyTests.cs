using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Scenarios.Tests;

public class BindingAssemblyTests
{
    [Test]
    public void Missing_and_unloadable_binding_assemblies_are_invalid_input()
    {
        using var temp = new TempFolder();
        var notAnAssembly = temp.Write("notes.dll", "plain text");
        var withoutReqnroll = Path.Combine(EngineRuns.TestDirectory, "AgentCompliance.Core.dll");
        var options = EngineRuns.Options("Outcomes") with { BindingAssemblyPaths = ["missing/Steps.dll", notAnAssembly, withoutReqnroll] };

        var error = Assert.ThrowsAsync<InvalidInputException>(() => EngineRuns.RunAsync(options with { WorkingDirectory = temp.Path }))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Problems.Select(problem => problem.Message), Is.EqualTo(new[]
            {
                "bindings assembly not found",
                "not a .NET assembly",
                "this assembly does not reference Reqnroll, so it holds no step bindings",
            }));
            Assert.That(error.Problems[0].File, Is.EqualTo("missing/Steps.dll"));
            Assert.That(error.Problems.Select(problem => problem.Hint), Is.All.Not.Null);
        });
    }

    [Test]
    public async Task Without_binding_assemblies_every_step_is_undefined()
    {
        var result = await EngineRuns.RunAsync(EngineRuns.Options("Localized") with { BindingAssemblyPaths = [] });

        Assert.That(result.Scenarios.Single().Steps[0].Status, Is.EqualTo(Core.Results.ResultStatus.Undefined));
    }
}
