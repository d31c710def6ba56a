using Reqnroll.Bindings;
using Reqnroll.Infrastructure;

namespace AgentCompliance.Scenarios.Execution;

/// <summary>What the Cucumber messages need about a recorded step beyond its <c>StepResult</c>.</summary>
/// <param name="StartedAt">When the step started, as a <see cref="System.Diagnostics.Stopwatch"/> timestamp.</param>
/// <param name="Bindings">The step definition that matched, every candidate of an ambiguous step, or none.</param>
/// <param name="Arguments">The arguments the single matching step definition captured.</param>
internal sealed record StepTrace(long StartedAt, IReadOnlyList<IStepDefinitionBinding> Bindings, IReadOnlyList<MatchArgument> Arguments);
