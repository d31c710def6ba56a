using AgentCompliance.Analysis.Engine;
using AgentCompliance.Analysis.Model;
using AgentCompliance.Analysis.Syntax;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Rules;

/// <summary>
/// AC0010: a tool parameter reaches a file-system path (<c>File.*</c>, <c>Directory.*</c>, <c>new FileStream/FileInfo/DirectoryInfo</c>),
/// directly or through locals, <c>Path.Combine</c>, interpolation or concatenation, without a containment check
/// (<c>Path.GetFullPath</c> + <c>StartsWith</c>), <c>Path.GetFileName</c> or an allow-list.
/// </summary>
public sealed class AC0010ToolArgumentToFilePathRule : IAnalysisRule
{
    // Method → indexes of path arguments; everything else (contents, encodings) may legitimately come from the model.
    private static readonly Dictionary<string, int[]> FileMethods = new(StringComparer.Ordinal)
    {
        ["ReadAllText"] = [0],
        ["ReadAllTextAsync"] = [0],
        ["ReadAllBytes"] = [0],
        ["ReadAllBytesAsync"] = [0],
        ["ReadAllLines"] = [0],
        ["ReadAllLinesAsync"] = [0],
        ["ReadLines"] = [0],
        ["ReadLinesAsync"] = [0],
        ["WriteAllText"] = [0],
        ["WriteAllTextAsync"] = [0],
        ["WriteAllBytes"] = [0],
        ["WriteAllBytesAsync"] = [0],
        ["WriteAllLines"] = [0],
        ["WriteAllLinesAsync"] = [0],
        ["AppendAllText"] = [0],
        ["AppendAllTextAsync"] = [0],
        ["AppendAllLines"] = [0],
        ["AppendAllLinesAsync"] = [0],
        ["Open"] = [0],
        ["OpenRead"] = [0],
        ["OpenWrite"] = [0],
        ["OpenText"] = [0],
        ["Create"] = [0],
        ["CreateText"] = [0],
        ["AppendText"] = [0],
        ["Delete"] = [0],
        ["Copy"] = [0, 1],
        ["Move"] = [0, 1],
        ["Replace"] = [0, 1],
    };

    private static readonly Dictionary<string, int[]> DirectoryMethods = new(StringComparer.Ordinal)
    {
        ["Delete"] = [0],
        ["CreateDirectory"] = [0],
        ["EnumerateFiles"] = [0],
        ["GetFiles"] = [0],
        ["EnumerateDirectories"] = [0],
        ["GetDirectories"] = [0],
        ["EnumerateFileSystemEntries"] = [0],
        ["GetFileSystemEntries"] = [0],
        ["Move"] = [0, 1],
    };

    private static readonly HashSet<string> PathTypes = new(StringComparer.Ordinal) { "FileStream", "FileInfo", "DirectoryInfo" };

    public RuleDescriptor Descriptor { get; } = new(
        "AC0010",
        "ToolArgumentToFilePath",
        "Tool argument used as a file path",
        "Tool '{0}' passes its argument '{1}' to {2} without a path containment check: the model can read or write any file the host can (../, absolute paths)",
        RuleSeverity.Error,
        8.2,
        "Tool arguments are chosen by the model, and under prompt injection by whoever wrote the text it read. A path built " +
        "from them can escape the intended folder. Resolve with `Path.GetFullPath(Path.Combine(root, name))` and reject it " +
        "unless it `StartsWith(root)`, or accept only a file name (`Path.GetFileName`) or an allow-listed set.",
        ["ASI02", "LLM06", "MAESTRO-L7:Agent Tool Misuse", "MAESTRO-L2:Data Exfiltration"]);

    public void Register(RuleRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.OnToolMethod(Analyze);
    }

    private static void Analyze(ToolMethodContext context)
    {
        var tool = context.Tool;
        if (tool.Body is null || !tool.Taint.HasSources)
        {
            return;
        }

        foreach (var node in tool.Body.DescendantNodesAndSelf())
        {
            if (Match(node) is not { } match)
            {
                continue;
            }

            var (sink, positions, arguments, typeName) = match;

            foreach (var position in positions)
            {
                if (SyntaxQueries.Argument(arguments, position)?.Expression is { } argument && tool.Taint.Origin(argument, SinkKind.FilePath) is { } origin
                    && SymbolQueries.IsMemberOf(context.SemanticModel, (ExpressionSyntax)node, typeName) != false)
                {
                    context.Report(argument, tool.Name, origin, sink);
                }
            }
        }
    }

    private static (string Sink, int[] Positions, BaseArgumentListSyntax Arguments, string TypeName)? Match(Microsoft.CodeAnalysis.SyntaxNode node)
    {
        switch (node)
        {
            case InvocationExpressionSyntax invocation:
                var receiver = SyntaxQueries.RightmostName(SyntaxQueries.Receiver(invocation));
                var methods = receiver switch
                {
                    "File" => FileMethods,
                    "Directory" => DirectoryMethods,
                    _ => null,
                };
                return methods is not null && SyntaxQueries.InvokedName(invocation) is { } name && methods.TryGetValue(name, out var positions)
                    ? ($"{receiver}.{name}", positions, invocation.ArgumentList, $"System.IO.{receiver}")
                    : null;
            case BaseObjectCreationExpressionSyntax { ArgumentList: { } arguments } creation when SyntaxQueries.CreatedTypeName(creation) is { } type && PathTypes.Contains(type):
                return ($"new {type}", [0], arguments, $"System.IO.{type}");
            default:
                return null;
        }
    }
}
