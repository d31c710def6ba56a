using System.Text.RegularExpressions;
using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Scenarios.Discovery;
using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Ast = Gherkin.Ast;
using Messages = Io.Cucumber.Messages.Types;

namespace AgentCompliance.Scenarios.Parsing;

/// <summary>
/// Parses feature files at run time with the Gherkin parser the Reqnroll runtime itself depends on, and compiles
/// them into pickles (outlines expanded, backgrounds inlined) exactly as Cucumber does. Syntax errors of every file
/// are collected and reported together as <c>file:line:col: message</c>.
/// </summary>
public static partial class FeatureParser
{
    private const string DefaultLanguage = "en";

    public static IReadOnlyList<ParsedFeature> ParseAll(IEnumerable<FeatureFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);

        var problems = new List<InputProblem>();
        var features = new List<ParsedFeature>();
        foreach (var file in files)
        {
            string text;
            try
            {
                text = File.ReadAllText(file.FullPath);
            }
            catch (IOException exception)
            {
                problems.Add(new InputProblem(file.DisplayPath, 0, 0, $"cannot read feature file: {exception.Message}"));
                continue;
            }
            catch (UnauthorizedAccessException exception)
            {
                problems.Add(new InputProblem(file.DisplayPath, 0, 0, $"cannot read feature file: {exception.Message}"));
                continue;
            }

            var parsed = TryParse(file, text, problems);
            if (parsed is not null)
            {
                features.Add(parsed);
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        return features;
    }

    /// <summary>Parses one feature's text; syntax errors are thrown as <see cref="InvalidInputException"/>.</summary>
    public static ParsedFeature Parse(FeatureFile file, string text)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<InputProblem>();
        var parsed = TryParse(file, text, problems);
        return parsed ?? throw new InvalidInputException(problems);
    }

    private static ParsedFeature? TryParse(FeatureFile file, string text, List<InputProblem> problems)
    {
        var dialects = new GherkinDialectProvider(DefaultLanguage);
        Ast.GherkinDocument ast;
        try
        {
            var parser = new Parser(new AstBuilder<Ast.GherkinDocument>());
            ast = parser.Parse(new TokenScanner(new StringReader(text)), new TokenMatcher(dialects));
        }
        catch (CompositeParserException composite)
        {
            problems.AddRange(composite.Errors.Select(error => ToProblem(file, error)));
            return null;
        }
        catch (ParserException single)
        {
            problems.Add(ToProblem(file, single));
            return null;
        }

        // Message ids must be unique across every feature of a messages stream.
        var ids = ProcessWideIdGenerator.Instance;
        var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, file.RelativePath);
        var pickles = new PickleCompiler(ids).Compile(document);
        var source = new Messages.Source(file.RelativePath, text, Messages.SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN);
        var feature = document.Feature;
        if (feature is null)
        {
            problems.Add(new InputProblem(file.DisplayPath, 1, 1, "the file has no Feature", "start the file with 'Feature: <name>'"));
            return null;
        }

        var language = string.IsNullOrEmpty(feature.Language) ? DefaultLanguage : feature.Language;
        var index = AstIndex.Build(feature);
        var butKeywords = dialects.GetDialect(language, null).ButStepKeywords;
        var scenarios = pickles.Select((pickle, position) => Plan(file, pickle, position, index, butKeywords)).ToList();

        return new ParsedFeature
        {
            File = file,
            Name = feature.Name,
            Description = feature.Description ?? string.Empty,
            Language = language,
            Tags = TagNames(feature.Tags.Select(tag => tag.Name)),
            Scenarios = scenarios,
            TagOccurrences = TagOccurrences(feature),
            Messages = new FeatureMessages(source, document, pickles),
        };
    }

    // Every tag written in the file, with its position, so tag problems (unknown control IDs) point at the tag itself.
    private static List<TagOccurrence> TagOccurrences(Messages.Feature feature)
    {
        var tags = new List<Messages.Tag>(feature.Tags);
        foreach (var child in feature.Children)
        {
            AddScenarioTags(child.Scenario, tags);
            if (child.Rule is { } rule)
            {
                tags.AddRange(rule.Tags);
                foreach (var ruleChild in rule.Children)
                {
                    AddScenarioTags(ruleChild.Scenario, tags);
                }
            }
        }

        return [.. tags.Select(tag => new TagOccurrence(tag.Name.TrimStart('@'), (int)tag.Location.Line, (int)(tag.Location.Column ?? 1)))];
    }

    private static void AddScenarioTags(Messages.Scenario? scenario, List<Messages.Tag> tags)
    {
        if (scenario is null)
        {
            return;
        }

        tags.AddRange(scenario.Tags);
        foreach (var examples in scenario.Examples)
        {
            tags.AddRange(examples.Tags);
        }
    }

    private static PlannedScenario Plan(FeatureFile file, Messages.Pickle pickle, int position, AstIndex index, string[] butKeywords)
    {
        var (scenario, rule) = index.Scenarios[pickle.AstNodeIds[0]];
        var line = (int)scenario.Location.Line;
        var ownTags = scenario.Tags.Select(tag => tag.Name).ToList();
        IReadOnlyList<KeyValuePair<string, string>> exampleValues = [];
        if (pickle.AstNodeIds.Count > 1 && index.ExampleRows.TryGetValue(pickle.AstNodeIds[1], out var example))
        {
            line = (int)example.Row.Location.Line;
            ownTags.AddRange(example.Examples.Tags.Select(tag => tag.Name));
            exampleValues = example.Examples.TableHeader.Cells
                .Zip(example.Row.Cells, (header, cell) => new KeyValuePair<string, string>(header.Value, cell.Value))
                .ToList();
        }

        return new PlannedScenario
        {
            PickleIndex = position,
            Id = $"{file.RelativePath}:{line}",
            Name = pickle.Name,
            Title = scenario.Name,
            Description = scenario.Description ?? string.Empty,
            Line = line,
            ExampleValues = exampleValues,
            OwnTags = TagNames(ownTags),
            Tags = TagNames(pickle.Tags.Select(tag => tag.Name)),
            RuleName = rule?.Name,
            RuleDescription = rule?.Description ?? string.Empty,
            RuleTags = rule is null ? [] : TagNames(rule.Tags.Select(tag => tag.Name)),
            Steps = pickle.Steps.Select(step => PlanStep(step, index, butKeywords)).ToList(),
            Pickle = pickle,
        };
    }

    private static PlannedStep PlanStep(Messages.PickleStep pickleStep, AstIndex index, string[] butKeywords)
    {
        var step = index.Steps[pickleStep.AstNodeIds[0]];
        var kind = step.KeywordType switch
        {
            Messages.StepKeywordType.CONTEXT => StepKeywordKind.Given,
            Messages.StepKeywordType.ACTION => StepKeywordKind.When,
            Messages.StepKeywordType.OUTCOME => StepKeywordKind.Then,
            _ when butKeywords.Contains(step.Keyword, StringComparer.Ordinal) => StepKeywordKind.But,
            _ => StepKeywordKind.And,
        };
        var table = pickleStep.Argument?.DataTable?.Rows
            .Select(row => (IReadOnlyList<string>)row.Cells.Select(cell => cell.Value).ToList())
            .ToList();
        return new PlannedStep(step.Keyword, kind, pickleStep.Text, (int)step.Location.Line, pickleStep.Argument?.DocString?.Content, table);
    }

    /// <summary>Tags without the leading <c>@</c>, duplicates removed, source order kept.</summary>
    private static List<string> TagNames(IEnumerable<string> tags) =>
        tags.Select(tag => tag.StartsWith('@') ? tag[1..] : tag).Distinct(StringComparer.Ordinal).ToList();

    private static InputProblem ToProblem(FeatureFile file, ParserException error)
    {
        var line = error.Location?.Line ?? 0;
        var column = error.Location?.Column ?? 0;
        var message = LocationPrefix().Replace(error.Message, string.Empty);
        return new InputProblem(file.DisplayPath, line, column, message, "see https://cucumber.io/docs/gherkin/reference/ for the syntax");
    }

    [GeneratedRegex(@"^\(\d+:\d+\):\s*")]
    private static partial Regex LocationPrefix();

    /// <summary>Lookups from message AST ids to the nodes pickles refer to (scenario, example row, step).</summary>
    private sealed class AstIndex
    {
        public Dictionary<string, (Messages.Scenario Scenario, Messages.Rule? Rule)> Scenarios { get; } = [];

        public Dictionary<string, (Messages.Examples Examples, Messages.TableRow Row)> ExampleRows { get; } = [];

        public Dictionary<string, Messages.Step> Steps { get; } = [];

        public static AstIndex Build(Messages.Feature feature)
        {
            var index = new AstIndex();
            foreach (var child in feature.Children)
            {
                index.Add(child.Background);
                index.Add(child.Scenario, null);
                if (child.Rule is { } rule)
                {
                    foreach (var ruleChild in rule.Children)
                    {
                        index.Add(ruleChild.Background);
                        index.Add(ruleChild.Scenario, rule);
                    }
                }
            }

            return index;
        }

        private void Add(Messages.Background? background)
        {
            if (background is null)
            {
                return;
            }

            foreach (var step in background.Steps)
            {
                Steps[step.Id] = step;
            }
        }

        private void Add(Messages.Scenario? scenario, Messages.Rule? rule)
        {
            if (scenario is null)
            {
                return;
            }

            Scenarios[scenario.Id] = (scenario, rule);
            foreach (var step in scenario.Steps)
            {
                Steps[step.Id] = step;
            }

            foreach (var examples in scenario.Examples)
            {
                foreach (var row in examples.TableBody)
                {
                    ExampleRows[row.Id] = (examples, row);
                }
            }
        }
    }
}
