using System.Collections.Concurrent;
using System.Collections.Specialized;
using System.Globalization;
using AgentCompliance.Core.Results;
using AgentCompliance.Scenarios.Hosting;
using AgentCompliance.Scenarios.Parsing;
using Reqnroll;

namespace AgentCompliance.Scenarios.Execution;

/// <summary>
/// Drives one scenario through a pooled Reqnroll runner with the call sequence generated code-behind would make:
/// feature switch, BeforeFeature, scenario initialise, BeforeScenario, one call per pickle step, collect errors,
/// AfterScenario. Nothing a binding or hook throws escapes: it becomes the scenario's result.
/// </summary>
internal sealed class ScenarioDriver(ReqnrollHost host, ConcurrentQueue<string> warnings)
{
    public async Task<(ResultStatus Status, string? Error, IReadOnlyList<StepResult> Steps, ScenarioTrace? Trace)> RunAsync(FeatureRun feature, PlannedScenario scenario)
    {
        var runner = host.RentRunner(feature.Info);
        var recorder = runner.TestThreadContext.TestThreadContainer.Resolve<ScenarioEventRecorder>();
        var scenarioStarted = false;
        var ignored = false;
        Exception? harnessError = null;
        RecordedScenario recorded;
        try
        {
            await SwitchFeatureAsync(runner, feature.Info).ConfigureAwait(false);
            recorder.Begin(scenario);
            var featureError = await StartFeatureAsync(runner, feature.Info).ConfigureAwait(false);
            if (featureError is not null)
            {
                var beforeFeature = recorder.End();
                return (ResultStatus.Failed, $"[BeforeFeature] hook failed: {ErrorText.Describe(featureError)}", ScenarioOutcome.Unexecuted(scenario, ResultStatus.Skipped), beforeFeature.Trace);
            }

            var scenarioInfo = CreateScenarioInfo(feature.Feature, scenario);
            runner.OnScenarioInitialize(scenarioInfo, scenario.RuleName is null ? null : new RuleInfo(scenario.RuleName, scenario.RuleDescription, [.. scenario.RuleTags]));
            scenarioStarted = true;
            ignored = TagHelper.ContainsIgnoreTag(scenarioInfo.CombinedTags) || TagHelper.ContainsIgnoreTag(feature.Info.Tags);
            if (ignored)
            {
                await runner.SkipScenarioAsync().ConfigureAwait(false);
            }
            else
            {
                await RunStepsAsync(runner, scenario).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            harnessError = exception;
        }
        finally
        {
            if (scenarioStarted)
            {
                try
                {
                    await runner.OnScenarioEndAsync().ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    // AfterScenario hook errors were recorded from their HookBindingFinished events.
                    _ = exception;
                }
            }

            recorded = recorder.End();
            host.ReturnRunner(runner);
        }

        if (harnessError is not null)
        {
            var steps = recorded.Steps.Count > 0 ? recorded.Steps : ScenarioOutcome.Unexecuted(scenario, ResultStatus.Skipped);
            return (ResultStatus.Failed, $"the scenario could not be executed: {ErrorText.Describe(harnessError)}", steps, recorded.Trace);
        }

        if (ignored)
        {
            return (ResultStatus.Skipped, "skipped: tagged @ignore", ScenarioOutcome.Unexecuted(scenario, ResultStatus.Skipped), recorded.Trace);
        }

        var (status, error) = ScenarioOutcome.Decide(recorded, ignored: false);
        return (status, error, recorded.Steps, recorded.Trace);
    }

    /// <summary>A pooled runner may still be on another feature: end it there first (AfterFeature).</summary>
    private async Task SwitchFeatureAsync(ITestRunner runner, FeatureInfo feature)
    {
        if (runner.FeatureContext is { } current && !ReferenceEquals(current.FeatureInfo, feature))
        {
            try
            {
                await runner.OnFeatureEndAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                warnings.Enqueue($"[AfterFeature] hook failed for feature '{current.FeatureInfo.Title}': {ErrorText.Describe(exception)}");
            }
        }
    }

    private static async Task<Exception?> StartFeatureAsync(ITestRunner runner, FeatureInfo feature)
    {
        if (runner.FeatureContext is null)
        {
            try
            {
                await runner.OnFeatureStartAsync(feature).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                return exception;
            }
        }

        return runner.FeatureContext is { BeforeFeatureHookFailed: true } context
            ? context.BeforeFeatureHookError ?? new InvalidOperationException("BeforeFeature hook failed")
            : null;
    }

    private static async Task RunStepsAsync(ITestRunner runner, PlannedScenario scenario)
    {
        // BeforeScenario errors are deferred by the runtime (stopAtFirstError is off): the steps then report Skipped.
        await runner.OnScenarioStartAsync().ConfigureAwait(false);
        foreach (var step in scenario.Steps)
        {
            try
            {
                await RunStepAsync(runner, step).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // A failing BeforeStep/AfterStep hook throws out of the step call; it was recorded from its event and
                // the remaining steps still run through the runtime, which reports them as skipped.
                _ = exception;
            }
        }

        try
        {
            await runner.CollectScenarioErrorsAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The runtime rethrows the scenario's first error here; outcomes come from the recorded events.
            _ = exception;
        }
    }

    private static Task RunStepAsync(ITestRunner runner, PlannedStep step)
    {
        var table = step.DataTable is { Count: > 0 } rows ? CreateTable(rows) : null;
        return step.Kind switch
        {
            StepKeywordKind.Given => runner.GivenAsync(step.Text, step.DocString, table, step.Keyword),
            StepKeywordKind.When => runner.WhenAsync(step.Text, step.DocString, table, step.Keyword),
            StepKeywordKind.Then => runner.ThenAsync(step.Text, step.DocString, table, step.Keyword),
            StepKeywordKind.But => runner.ButAsync(step.Text, step.DocString, table, step.Keyword),
            _ => runner.AndAsync(step.Text, step.DocString, table, step.Keyword),
        };
    }

    /// <summary>A fresh table per call: bindings may modify the one they receive.</summary>
    private static DataTable CreateTable(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var table = new DataTable([.. rows[0]]);
        foreach (var row in rows.Skip(1))
        {
            table.AddRow([.. row]);
        }

        return table;
    }

    private static ScenarioInfo CreateScenarioInfo(ParsedFeature feature, PlannedScenario scenario)
    {
        var arguments = new OrderedDictionary();
        foreach (var (name, value) in scenario.ExampleValues)
        {
            arguments[name] = value;
        }

        var inherited = TagHelper.CombineTags([.. feature.Tags], [.. scenario.RuleTags]);
        return new ScenarioInfo(
            scenario.Title,
            scenario.Description,
            [.. scenario.OwnTags],
            arguments,
            inherited,
            scenario.PickleIndex.ToString(CultureInfo.InvariantCulture));
    }
}
