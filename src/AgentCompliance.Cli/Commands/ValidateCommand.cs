using System.CommandLine;
using AgentCompliance.Core.Catalog;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Core.SystemModels;

namespace AgentCompliance.Cli.Commands;

/// <summary>
/// <c>agentcompliance validate [--profile F] [--system F] [--features DIR|GLOB]…</c>: checks the target profile, the
/// system model (the one given, and the one the profile names), the control catalogs and the feature files (those given,
/// else the profile's) — Gherkin syntax and control tags — and prints <c>ok: file</c> per valid file. Problems of every file are
/// collected and reported together, one <c>file:line:col: message (hint: …)</c> line each, with exit code 2.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output)
    {
        var profileOption = new Option<string?>("--profile")
        {
            Description = $"Target profile to check (default: ./{TargetProfileLoader.DefaultFileName} when neither option is given).",
        };
        var systemOption = new Option<string?>("--system")
        {
            Description = "System model to check (the profile's systemModel is checked too).",
        };
        var featuresOption = new Option<string[]>("--features")
        {
            HelpName = "DIR|GLOB",
            Arity = ArgumentArity.OneOrMore,
            Description = "Feature folder, file or glob whose Gherkin and control tags to check (repeatable; default: the profile's features).",
        };

        var command = new Command("validate", "Check a target profile, system model, control catalogs and feature files; report every problem with its line.")
        {
            profileOption,
            systemOption,
            featuresOption,
        };
        command.SetAction(parseResult => Run(parseResult.GetValue(profileOption), parseResult.GetValue(systemOption), parseResult.GetValue(featuresOption) ?? [], output));
        return command;
    }

    internal static int Run(string? profilePath, string? systemModelPath, IReadOnlyList<string> features, TextWriter output)
    {
        if (profilePath is null && systemModelPath is null && features.Count == 0)
        {
            if (!File.Exists(TargetProfileLoader.DefaultFileName))
            {
                throw new InvalidInputException(new InputProblem(TargetProfileLoader.DefaultFileName, 0, 0, "no file to validate: file not found",
                    "run in the folder that holds the profile, or pass --profile FILE, --system FILE and/or --features DIR"));
            }

            profilePath = TargetProfileLoader.DefaultFileName;
        }

        var problems = new List<InputProblem>();
        var systemModels = new List<string>();
        ControlCatalog? catalog = ControlCatalog.BuiltIn;
        var featureSources = features;
        if (systemModelPath is not null)
        {
            systemModels.Add(systemModelPath);
        }

        if (profilePath is not null)
        {
            var profile = Validate(profilePath, problems, TargetProfileLoader.Load, output);
            if (profile?.SystemModel is { } named)
            {
                systemModels.Add(DisplayPath(named));
            }

            // A broken profile hides which catalogs the feature files may use: their tags are checked once it loads.
            catalog = profile is null ? null : ValidateCatalogs(profile.Catalogs, problems, output);
            if (featureSources.Count == 0 && profile is not null)
            {
                featureSources = profile.Features;
            }
        }

        foreach (var path in systemModels.DistinctBy(Path.GetFullPath))
        {
            Validate(path, problems, SystemModelLoader.Load, output);
        }

        // With a broken catalog every @control: tag would look unknown; its own problems are reported instead.
        if (featureSources.Count > 0 && catalog is not null)
        {
            FeatureTagValidation.Validate(featureSources, catalog, problems, output);
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        return ExitCodes.Success;
    }

    // Each user catalog on its own (schema, lines), then all together with the built-in ones (duplicate IDs, parents).
    // Returns the combined catalog, or null when a catalog is broken.
    private static ControlCatalog? ValidateCatalogs(IReadOnlyList<string> paths, List<InputProblem> problems, TextWriter output)
    {
        var documents = paths.Select(path => Validate(DisplayPath(path), problems, ControlCatalog.LoadJsonCatalogFile, output)).ToList();
        if (documents.Count == 0)
        {
            return ControlCatalog.BuiltIn;
        }

        if (documents.Any(document => document is null))
        {
            return null;
        }

        try
        {
            return ControlCatalog.Create(documents!);
        }
        catch (InvalidInputException invalid)
        {
            problems.AddRange(invalid.Problems);
            return null;
        }
    }

    // The profile resolves its paths to absolute ones; show them relative to where the user is, unless that
    // would climb out of the current folder.
    private static string DisplayPath(string absolutePath)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, absolutePath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? absolutePath : relative;
    }

    private static T? Validate<T>(string path, List<InputProblem> problems, Func<string, T> load, TextWriter output)
        where T : class
    {
        try
        {
            var loaded = load(path);
            output.WriteLine($"ok: {path}");
            return loaded;
        }
        catch (InvalidInputException invalid)
        {
            problems.AddRange(invalid.Problems);
            return null;
        }
    }
}
