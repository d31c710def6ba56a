using System.Reflection;
using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Scenarios.Hosting;
using Namotion.Reflection;
using Reqnroll.Bindings;
using Reqnroll.Bindings.Reflection;

namespace AgentCompliance.Scenarios.Bindings;

/// <summary>
/// Every step definition of some binding assemblies, described from the bindings themselves: keywords, patterns and
/// parameters from Reqnroll's binding registry (built exactly as for a run), descriptions and examples from each
/// assembly's XML documentation file next to the DLL. Undocumented steps have empty descriptions, never an error.
/// </summary>
public sealed class StepCatalog
{
    private static readonly XmlDocsOptions Markdown = new() { FormattingMode = XmlDocsFormattingMode.Markdown };
    private static readonly string[] KeywordOrder = ["Given", "When", "Then"];

    private StepCatalog(IReadOnlyList<StepBindingClassDescription> classes) => Classes = classes;

    /// <summary>Binding classes in assembly order, then by full name.</summary>
    public IReadOnlyList<StepBindingClassDescription> Classes { get; }

    public IEnumerable<StepDefinitionDescription> Steps => Classes.SelectMany(bindingClass => bindingClass.Steps);

    /// <summary>Describes the step definitions of <paramref name="assemblies"/>; invalid bindings throw
    /// <see cref="InvalidInputException"/>, as they do before a run.</summary>
    public static StepCatalog Load(IReadOnlyList<Assembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        var distinct = assemblies.Distinct().ToList();
        var (definitions, errors) = BindingRegistryReader.Read(distinct);
        if (errors.Count > 0)
        {
            throw new InvalidInputException([.. errors.Select(error => new InputProblem("--bindings", 0, 0, $"invalid binding: {error}", "fix the binding class, rebuild, and try again"))]);
        }

        var classes = definitions
            .Where(definition => definition.Method is RuntimeBindingMethod)
            .GroupBy(definition => ((RuntimeBindingMethod)definition.Method).MethodInfo.DeclaringType!)
            .OrderBy(group => distinct.IndexOf(group.Key.Assembly))
            .ThenBy(group => group.Key.FullName, StringComparer.Ordinal)
            .Select(group => DescribeClass(group.Key, group))
            .ToList();
        return new StepCatalog(classes);
    }

    /// <summary>The step definitions a step line such as <c>Given the number 5</c> binds to (Given/When/Then
    /// keywords only): none when it is undefined, several when it is ambiguous.</summary>
    public IReadOnlyList<StepDefinitionDescription> Matching(string stepLine)
    {
        ArgumentNullException.ThrowIfNull(stepLine);
        var line = stepLine.Trim();
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            return [];
        }

        var keyword = line[..space];
        var text = line[(space + 1)..].TrimStart();
        return [.. Steps.Where(step => step.Keywords.Contains(keyword, StringComparer.Ordinal) && step.MatchesText(text))];
    }

    private static StepBindingClassDescription DescribeClass(Type type, IEnumerable<IStepDefinitionBinding> definitions) => new()
    {
        AssemblyName = type.Assembly.GetName().Name ?? string.Empty,
        FullName = type.FullName ?? type.Name,
        Name = type.Name,
        Description = Paragraphs(type.GetXmlDocsSummary(Markdown)),
        Steps = [.. definitions
            .GroupBy(definition => (((RuntimeBindingMethod)definition.Method).MethodInfo, definition.SourceExpression, definition.ExpressionType))
            .OrderBy(group => group.Key.MethodInfo.MetadataToken)
            .ThenBy(group => group.Key.SourceExpression, StringComparer.Ordinal)
            .Select(group => DescribeStep(group.Key.MethodInfo, group.ToList()))],
    };

    private static StepDefinitionDescription DescribeStep(MethodInfo method, IReadOnlyList<IStepDefinitionBinding> definitions)
    {
        var first = definitions[0];
        return new StepDefinitionDescription
        {
            Keywords = [.. KeywordOrder.Where(keyword => definitions.Any(definition => definition.StepDefinitionType.ToString() == keyword))],
            Pattern = first.SourceExpression ?? string.Empty,
            PatternKind = first.ExpressionType switch
            {
                StepDefinitionExpressionTypes.CucumberExpression => StepPatternKind.CucumberExpression,
                StepDefinitionExpressionTypes.MethodName => StepPatternKind.MethodName,
                _ => StepPatternKind.RegularExpression,
            },
            Parameters = [.. method.GetParameters().Select(parameter => new StepParameterDescription(
                parameter.Name ?? string.Empty,
                CSharpTypeName.Of(parameter.ParameterType),
                Paragraphs(parameter.GetXmlDocs(Markdown))))],
            Description = Paragraphs(method.GetXmlDocsSummary(Markdown)),
            Example = Lines(method.GetXmlDocsTag("example", Markdown)),
            BindingClass = method.DeclaringType?.FullName ?? string.Empty,
            Method = $"{method.Name}({string.Join(", ", method.GetParameters().Select(parameter => CSharpTypeName.Of(parameter.ParameterType)))})",
            Regex = first.IsValid ? first.Regex : null,
        };
    }

    /// <summary>Doc-comment prose: lines of a paragraph joined by spaces, paragraphs by one blank line.</summary>
    private static string Paragraphs(string? text)
    {
        var paragraphs = new List<string>();
        var current = new List<string>();
        foreach (var line in (text ?? string.Empty).ReplaceLineEndings("\n").Split('\n').Select(line => line.Trim()))
        {
            if (line.Length > 0)
            {
                current.Add(line);
            }
            else if (current.Count > 0)
            {
                paragraphs.Add(string.Join(' ', current));
                current.Clear();
            }
        }

        if (current.Count > 0)
        {
            paragraphs.Add(string.Join(' ', current));
        }

        return string.Join("\n\n", paragraphs);
    }

    /// <summary>Gherkin as written: line breaks and relative indentation (tables, doc strings) kept.</summary>
    private static string Lines(string? text) =>
        string.Join('\n', (text ?? string.Empty).ReplaceLineEndings("\n").Split('\n').Select(line => line.TrimEnd())).Trim('\n');
}
