using AgentCompliance.Core.Results;
using Reqnroll.Bindings;

namespace AgentCompliance.Scenarios.Execution;

/// <summary>One hook that ran while a scenario was recorded, for the Cucumber messages.</summary>
/// <param name="Binding">The hook method.</param>
/// <param name="Position">How many of the scenario's steps had finished when the hook finished: the hook's place
/// among the test case's steps.</param>
/// <param name="StartedAt">When the hook started, as a <see cref="System.Diagnostics.Stopwatch"/> timestamp.</param>
/// <param name="Duration">How long it ran.</param>
/// <param name="Status">Passed, Failed, or NotRun when it was abandoned because the run was interrupted.</param>
/// <param name="Error">What went wrong, one line; null when it passed.</param>
internal sealed record HookTrace(IHookBinding Binding, int Position, long StartedAt, TimeSpan Duration, ResultStatus Status, string? Error);
