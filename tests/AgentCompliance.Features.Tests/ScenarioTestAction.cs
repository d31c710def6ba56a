using System.Text;
using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Core.Results;

namespace AgentCompliance.Features.Tests;

/// <summary>
/// What one scenario test does: run the scenario on the suite's engine session and turn its result into the NUnit
/// outcome. Only a passed scenario passes; failed, undefined, pending, ambiguous and interrupted ones fail (a control
/// that was not verified is not a pass); <c>@ignore</c> is reported as ignored.
/// </summary>
public static class ScenarioTestAction
{
    public static async Task RunAsync(FeatureSuite suite, ScenarioCase scenario)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(scenario);
        ScenarioResult result;
        try
        {
            result = await suite.RunAsync(scenario).ConfigureAwait(false);
        }
        catch (InvalidInputException invalid)
        {
            Assert.Fail($"the scenarios could not run:{Environment.NewLine}{string.Join(Environment.NewLine, invalid.Problems)}");
            return;
        }
        catch (CouldNotRunException couldNotRun)
        {
            Assert.Fail($"the scenarios could not run: {couldNotRun.Message}");
            return;
        }

        Enforce(result);
    }

    /// <summary>Writes the step-by-step report to the test output, then passes, fails or ignores the test.</summary>
    public static void Enforce(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        TestContext.Out.Write(StepReport(result));
        switch (result.Status)
        {
            case ResultStatus.Passed:
                return;
            case ResultStatus.Skipped:
                Assert.Ignore(result.ErrorMessage ?? "skipped");
                return;
            default:
                Assert.Fail(FailureMessage(result));
                return;
        }
    }

    /// <summary>The deciding error with its place in the feature file, and what helps fix it: the snippet of an
    /// undefined step, the closest existing steps, or every binding an ambiguous step matched.</summary>
    public static string FailureMessage(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var message = new StringBuilder();
        message.Append(result.Status.ToString().ToLowerInvariant()).Append(" (").Append(result.Id).Append("): ").AppendLine(result.ErrorMessage ?? "no error recorded");
        foreach (var step in result.Steps.Where(step => step.Status is ResultStatus.Undefined or ResultStatus.Ambiguous))
        {
            message.AppendLine().Append(step.Keyword).Append(' ').Append(step.Text).Append(" (line ").Append(step.Line).AppendLine(")");
            if (step.Snippet is { } snippet)
            {
                message.AppendLine("add a step definition such as:").AppendLine(snippet);
            }

            if (step.Candidates.Count > 0)
            {
                message.AppendLine(step.Status == ResultStatus.Ambiguous ? "it matches every one of:" : "closest existing steps:");
                foreach (var candidate in step.Candidates)
                {
                    message.Append("  ").AppendLine(candidate);
                }
            }
        }

        return message.ToString().TrimEnd();
    }

    private static string StepReport(ScenarioResult result)
    {
        var report = new StringBuilder();
        report.Append(result.Id).Append(": ").AppendLine(result.Status.ToString().ToLowerInvariant());
        foreach (var step in result.Steps)
        {
            report.Append("  [").Append(step.Status.ToString().ToLowerInvariant()).Append("] ").Append(step.Keyword).Append(' ').AppendLine(step.Text);
            foreach (var evidence in step.Evidence)
            {
                report.Append("      ").AppendLine(evidence.Title);
            }
        }

        return report.ToString();
    }
}
