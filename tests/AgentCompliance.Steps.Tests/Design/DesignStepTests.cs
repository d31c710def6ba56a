using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.SystemModels;
using AgentCompliance.Steps.Design;

namespace AgentCompliance.Steps.Tests.Design;

/// <summary>
/// Each design-review step passes on the hardened model and fails on the sample model's documented weak spots with a
/// message that names the offending element.
/// </summary>
[TestFixture]
public sealed class DesignStepTests
{
    private static (SystemModelContext Context, RecordingOutputHelper Output) Given(SystemModel model)
    {
        var context = new SystemModelContext();
        context.Use(model);
        return (context, new RecordingOutputHelper());
    }

    private static readonly (string Name, Action<SystemModelContext, RecordingOutputHelper> Step, string[] SampleOffenders)[] Controls =
    [
        ("own workload identity", (c, o) => new IdentityDesignSteps(c, o).ThenEveryAgentHasAWorkloadIdentityOfItsOwn(), ["billing-agent"]),
        ("shared between agents", (c, o) => new IdentityDesignSteps(c, o).ThenNoIdentityIsSharedBetweenAgents(), []),
        ("shared human and agent", (c, o) => new IdentityDesignSteps(c, o).ThenNoIdentityIsSharedBetweenAHumanAndAnAgent(), ["billing-service-account"]),
        ("credential lifetime", (c, o) => new IdentityDesignSteps(c, o).ThenNoAgentCredentialLivesLongerThan(900), ["billing-service-account", "crm-api-key"]),
        ("crossing authenticated", (c, o) => new BoundaryDesignSteps(c, o).ThenEveryCrossingFlowIsAuthenticated(), []),
        ("crossing authorised", (c, o) => new BoundaryDesignSteps(c, o).ThenEveryCrossingFlowIsAuthorizedAtRequestTime(), ["legacy-crm"]),
        ("crossing audited", (c, o) => new BoundaryDesignSteps(c, o).ThenEveryCrossingFlowIsAudited(), ["support-to-legacy-crm"]),
        ("re-evaluation", (c, o) => new BoundaryDesignSteps(c, o).ThenSensitiveToolFlowsReevaluate(), []),
        ("human approval", (c, o) => new ToolDesignSteps(c, o).ThenHighImpactToolsRequireHumanApproval(), []),
        ("declared tools", (c, o) => new ToolDesignSteps(c, o).ThenAgentsCallOnlyDeclaredTools(), []),
        ("isolation", (c, o) => new ToolDesignSteps(c, o).ThenExternalIntegrationsCanBeIsolated(), ["legacy-crm"]),
    ];

    private static IEnumerable<TestCaseData> AllControls() => Controls.Select(c => new TestCaseData(c.Name).SetName($"Hardened model passes: {c.Name}"));

    private static IEnumerable<TestCaseData> SampleFailures() =>
        Controls.Where(c => c.SampleOffenders.Length > 0).Select(c => new TestCaseData(c.Name).SetName($"Sample weak spot fails: {c.Name}"));

    private static IEnumerable<TestCaseData> SamplePasses() =>
        Controls.Where(c => c.SampleOffenders.Length == 0).Select(c => new TestCaseData(c.Name).SetName($"Sample passes: {c.Name}"));

    [TestCaseSource(nameof(AllControls))]
    public void Passes_on_the_hardened_model(string name)
    {
        var (context, output) = Given(DesignModels.Hardened());
        Assert.DoesNotThrow(() => Controls.Single(c => c.Name == name).Step(context, output));
    }

    [TestCaseSource(nameof(SampleFailures))]
    public void Fails_on_the_sample_naming_the_offender(string name)
    {
        var control = Controls.Single(c => c.Name == name);
        var (context, output) = Given(DesignModels.Sample());
        var failure = Assert.Throws<ControlFailedException>(() => control.Step(context, output))!;
        foreach (var offender in control.SampleOffenders)
        {
            Assert.That(failure.Message, Does.Contain(offender));
        }
    }

    [TestCaseSource(nameof(SamplePasses))]
    public void Passes_on_the_sample_where_it_has_no_weak_spot(string name)
    {
        var (context, output) = Given(DesignModels.Sample());
        Assert.DoesNotThrow(() => Controls.Single(c => c.Name == name).Step(context, output));
    }

    [Test]
    public void A_model_without_trust_boundaries_cannot_pass_a_boundary_control()
    {
        var model = DesignModels.Hardened() with { TrustBoundaries = [] };
        var (context, output) = Given(model);
        var failure = Assert.Throws<ControlFailedException>(() => new BoundaryDesignSteps(context, output).ThenEveryCrossingFlowIsAudited())!;
        Assert.That(failure.Message, Does.Contain("no flow in the model crosses a trust boundary"));
    }

    [Test]
    public void Passing_steps_record_evidence()
    {
        var (context, output) = Given(DesignModels.Hardened());
        new IdentityDesignSteps(context, output).ThenNoAgentCredentialLivesLongerThan(900);
        Assert.That(output.Lines, Does.Contain("planner-id: credentials valid for 300 s"));
    }

    [Test]
    public void Target_system_model_step_without_a_profile_explains_what_to_do()
    {
        var steps = new SystemModelSteps(new SystemModelContext(), new TargetContext(), new RecordingOutputHelper());
        var failure = Assert.Throws<InvalidOperationException>(steps.GivenTheTargetsSystemModel)!;
        Assert.That(failure.Message, Does.Contain("--profile"));
    }

    private static IEnumerable<TestCaseData> EmptyModelCases() => Controls.Select(c => new TestCaseData(c.Name).SetName($"Model without agents fails: {c.Name}"));

    [TestCaseSource(nameof(EmptyModelCases))]
    public void Fails_on_a_model_without_agents_instead_of_passing_vacuously(string name)
    {
        var (context, output) = Given(SystemModelLoader.LoadFromText("version: 1\nname: empty\n", "empty.yaml"));
        var failure = Assert.Throws<ControlFailedException>(() => Controls.Single(c => c.Name == name).Step(context, output))!;
        Assert.That(failure.Message, Does.Contain("lists no agents"));
    }
}
