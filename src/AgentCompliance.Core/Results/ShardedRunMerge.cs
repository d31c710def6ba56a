using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Core.Results;

/// <summary>
/// Joins the results of shards 1..N of one split run (<c>run --shard K/N</c>) into the result an unsharded run would
/// have given: the scenarios back in unsharded order, the summary recounted, no gate verdict (the caller evaluates the
/// full gate on the merge) and no shard mark. Refuses anything that is not exactly one complete split.
/// </summary>
public static class ShardedRunMerge
{
    private const string Hint = "pass the results.json of every shard 1..N of one split run, each once";

    /// <param name="shards">Each shard's result with the file it was read from (named in errors).</param>
    /// <exception cref="InvalidInputException">A file is not a shard; shards of different splits or selections; a shard missing or given twice.</exception>
    /// <exception cref="CouldNotRunException">A file was left by a run that never finished (crash, timeout): that shard must run again.</exception>
    public static RunResult Merge(IReadOnlyList<(string File, RunResult Result)> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Count == 0)
        {
            throw new InvalidInputException(new InputProblem("merge", 0, 0, "no shard results given", Hint));
        }

        var parts = shards.Select(s => (s.File, s.Result, Shard: ShardOf(s.File, s.Result))).ToList();
        var (firstFile, _, first) = parts[0];
        var problems = new List<InputProblem>();
        foreach (var (file, _, shard) in parts.Skip(1))
        {
            if (shard.Count != first.Count)
            {
                problems.Add(new InputProblem(file, 0, 0, $"shard {Name(shard)} is from a split into {shard.Count}, but {firstFile} is shard {Name(first)} of a split into {first.Count}", "merge the shards of one matrix run, all with the same N"));
            }
            else if (shard.SelectedTotal != first.SelectedTotal)
            {
                problems.Add(new InputProblem(file, 0, 0, $"shard {Name(shard)} split a selection of {shard.SelectedTotal} scenarios, but {firstFile} split {first.SelectedTotal}", "every shard must run the same features, tags and bindings"));
            }
        }

        // Shards of another split make "duplicate" and "missing" meaningless: report the mismatch alone.
        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        foreach (var duplicate in parts.GroupBy(p => p.Shard.Index).Where(g => g.Count() > 1))
        {
            var files = duplicate.Select(p => p.File).ToList();
            problems.AddRange(files.Skip(1).Select(file => new InputProblem(file, 0, 0, $"shard {duplicate.Key}/{first.Count} given twice (also {files[0]})", Hint)));
        }

        if (problems.Count == 0)
        {
            var given = parts.Select(p => p.Shard.Index).ToHashSet();
            problems.AddRange(Enumerable.Range(1, first.Count).Where(index => !given.Contains(index)).Select(index => new InputProblem(
                "merge", 0, 0, $"shard {index}/{first.Count} is missing (given: {string.Join(", ", parts.OrderBy(p => p.Shard.Index).Select(p => $"{p.File} as {Name(p.Shard)}"))})", Hint)));
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        return Join(parts, first.SelectedTotal);
    }

    private static RunResult Join(List<(string File, RunResult Result, RunShard Shard)> parts, int selectedTotal)
    {
        var slots = new ScenarioResult?[selectedTotal];
        var owners = new string?[selectedTotal];
        foreach (var (file, result, shard) in parts.OrderBy(p => p.Shard.Index))
        {
            for (var i = 0; i < result.Scenarios.Count; i++)
            {
                var position = shard.Positions[i];
                if (owners[position] is { } owner)
                {
                    throw new InvalidInputException(new InputProblem(file, 0, 0, $"shard {Name(shard)} holds scenario {result.Scenarios[i].Id} at position {position}, which {owner} holds too: the shards come from different selections", "run every shard from the same commit with the same options"));
                }

                slots[position] = result.Scenarios[i];
                owners[position] = $"{file} ({Name(shard)})";
            }
        }

        var held = slots.Count(s => s is not null);
        if (held != selectedTotal)
        {
            throw new InvalidInputException(new InputProblem("merge", 0, 0, $"the shards hold {held} of the {selectedTotal} selected scenarios", Hint));
        }

        var results = parts.Select(p => p.Result).ToList();
        var versions = results.Select(r => r.ToolVersion).Distinct(StringComparer.Ordinal).ToList();
        var interrupted = parts.Where(p => p.Result.Interrupted).ToList();
        List<string> warnings = [.. results.SelectMany(r => r.Warnings).Distinct(StringComparer.Ordinal)];
        if (versions.Count > 1)
        {
            warnings.Add($"the shards were written by different versions of agentcompliance: {string.Join(", ", versions)}");
        }

        return new RunResult
        {
            ToolVersion = versions[0],
            StartedAt = results.Min(r => r.StartedAt),
            FinishedAt = results.Any(r => r.FinishedAt is null) ? null : results.Max(r => r.FinishedAt),
            Interrupted = interrupted.Count > 0,
            InterruptionReason = interrupted.Count == 0 ? null
                : string.Join("; ", interrupted.Select(p => $"shard {Name(p.Shard)}: {p.Result.InterruptionReason ?? "interrupted"}")),
            Scenarios = [.. slots.Select(s => s! with { Waiver = null, Baseline = null })],
            Warnings = warnings,
        };
    }

    private static RunShard ShardOf(string file, RunResult result)
    {
        if (result.Shard is { } shard)
        {
            return shard;
        }

        // Checkpoints carry no shard mark: a shard that crashed or timed out leaves one behind.
        if (result.Interrupted)
        {
            throw new CouldNotRunException($"{file} was left by a run that did not complete ({result.InterruptionReason ?? "interrupted"}); run that shard again");
        }

        throw new InvalidInputException(new InputProblem(file, 0, 0, "not a shard: this results.json was written by a run without --shard, or by merge", "pass the results.json files written by `agentcompliance run --shard K/N`"));
    }

    private static string Name(RunShard shard) => $"{shard.Index}/{shard.Count}";
}
