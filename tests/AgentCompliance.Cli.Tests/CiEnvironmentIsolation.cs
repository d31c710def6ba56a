using AgentCompliance.Cli.Ci;

namespace AgentCompliance.Cli.Tests;

/// <summary>
/// The tests run <c>run</c> in process; on GitHub Actions the real environment would make each of them append to the
/// job summary of the project's own CI and print annotations. Tests that want the CI outputs pass their own environment.
/// </summary>
[SetUpFixture]
public sealed class CiEnvironmentIsolation
{
    [OneTimeSetUp]
    public void HideTheCiEnvironment()
    {
        Environment.SetEnvironmentVariable(GitHubActionsPublisher.SummaryVariable, null);
        Environment.SetEnvironmentVariable(GitHubActionsPublisher.ActionsVariable, null);
    }
}
