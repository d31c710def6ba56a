using AgentCompliance.Analysis.Engine;
using AgentCompliance.Analysis.Model;
using AgentCompliance.Analysis.Syntax;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Rules;

/// <summary>
/// AC0022: a tool parameter is written to agent memory: Semantic Kernel text memory (<c>SaveInformationAsync</c>,
/// <c>SaveReferenceAsync</c>), Kernel Memory imports (<c>ImportTextAsync</c>, <c>ImportDocumentAsync</c>,
/// <c>ImportWebPageAsync</c>) or a vector-store upsert (<c>UpsertAsync</c>/<c>UpsertBatchAsync</c> on a receiver named
/// for memory, vectors, embeddings or a collection). What the model chose is stored as trusted context for later turns.
/// </summary>
public sealed class AC0022ToolArgumentToMemoryRule : IAnalysisRule
{
    private static readonly HashSet<string> MemoryWrites = new(StringComparer.Ordinal)
    {
        "SaveInformationAsync", "SaveReferenceAsync", "ImportTextAsync", "ImportDocumentAsync", "ImportWebPageAsync",
    };

    private static readonly HashSet<string> Upserts = new(StringComparer.Ordinal) { "UpsertAsync", "UpsertBatchAsync" };

    private static readonly string[] MemoryReceiverWords = ["memory", "vector", "embedding", "collection"];

    public RuleDescriptor Descriptor { get; } = new(
        "AC0022",
        "ToolArgumentToMemory",
        "Tool argument written to agent memory",
        "Tool '{0}' writes its argument '{1}' to agent memory ({2}) without review: injected text becomes trusted context for later conversations",
        RuleSeverity.Warning,
        7.5,
        "Arguments of a tool call are chosen by the model, so they carry whatever a prompt injection put into the " +
        "conversation. Written straight into long-term memory or a vector store, that text is retrieved later as trusted " +
        "context and steers other conversations and users (memory poisoning). Queue memory writes for validation or human " +
        "review, record their source, and keep memory partitioned per user or tenant.",
        ["ASI06", "LLM04", "T1", "MAESTRO-L2:Data Poisoning"]);

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

        foreach (var invocation in tool.Body.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
        {
            if (SyntaxQueries.InvokedName(invocation) is not { } name || !IsMemoryWrite(invocation, name))
            {
                continue;
            }

            var tainted = invocation.ArgumentList.Arguments
                .Select(argument => (argument.Expression, Origin: tool.Taint.Origin(argument.Expression, SinkKind.Memory)))
                .FirstOrDefault(candidate => candidate.Origin is not null);
            if (tainted.Origin is not null)
            {
                context.Report(tainted.Expression, tool.Name, tainted.Origin, name);
            }
        }
    }

    private static bool IsMemoryWrite(InvocationExpressionSyntax invocation, string name)
    {
        if (MemoryWrites.Contains(name))
        {
            return true;
        }

        // UpsertAsync is a common repository verb: count it only on receivers named for vector memory.
        return Upserts.Contains(name)
            && SyntaxQueries.RightmostName(SyntaxQueries.Receiver(invocation)) is { } receiver
            && MemoryReceiverWords.Any(word => receiver.Contains(word, StringComparison.OrdinalIgnoreCase));
    }
}
