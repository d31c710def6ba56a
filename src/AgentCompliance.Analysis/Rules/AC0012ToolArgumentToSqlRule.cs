using AgentCompliance.Analysis.Engine;
using AgentCompliance.Analysis.Model;
using AgentCompliance.Analysis.Syntax;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Rules;

/// <summary>
/// AC0012: a tool parameter reaches SQL text: a command's text (<c>new SqlCommand(text)</c>, <c>CommandText = …</c>),
/// EF Core raw SQL (<c>FromSqlRaw</c>, <c>ExecuteSqlRaw</c>, <c>SqlQueryRaw</c>) or Dapper calls built by concatenation or
/// interpolation. Parameterised SQL (constant text plus <c>Parameters.AddWithValue</c>, EF <c>FromSql($"…")</c>) is fine.
/// </summary>
public sealed class AC0012ToolArgumentToSqlRule : IAnalysisRule
{
    private static readonly HashSet<string> CommandTypes = new(StringComparer.Ordinal)
    {
        "SqlCommand", "NpgsqlCommand", "SqliteCommand", "MySqlCommand", "OracleCommand", "OleDbCommand", "OdbcCommand", "SQLiteCommand",
    };

    private static readonly HashSet<string> RawSqlMethods = new(StringComparer.Ordinal)
    {
        "FromSqlRaw", "ExecuteSqlRaw", "ExecuteSqlRawAsync", "SqlQueryRaw",
    };

    private static readonly HashSet<string> DapperMethods = new(StringComparer.Ordinal)
    {
        "Query", "QueryAsync", "QueryFirst", "QueryFirstAsync", "QueryFirstOrDefault", "QueryFirstOrDefaultAsync", "QuerySingle",
        "QuerySingleAsync", "QuerySingleOrDefault", "QuerySingleOrDefaultAsync", "QueryMultiple", "QueryMultipleAsync", "Execute",
        "ExecuteAsync", "ExecuteScalar", "ExecuteScalarAsync", "ExecuteReader", "ExecuteReaderAsync",
    };

    public RuleDescriptor Descriptor { get; } = new(
        "AC0012",
        "ToolArgumentToSql",
        "Tool argument in SQL text",
        "Tool '{0}' builds SQL for {1} from its argument '{2}': the model can change the query (SQL injection)",
        RuleSeverity.Error,
        8.8,
        "Model-chosen text spliced into SQL lets a prompt injection read, change or delete any data the agent's database " +
        "identity can reach. Keep the SQL text constant and pass the argument as a parameter (`@name` with " +
        "`Parameters.AddWithValue`, Dapper's anonymous parameters, EF Core's `FromSql($\"...\")`).",
        ["ASI02", "LLM05", "MAESTRO-L3:Input Validation Attacks", "MAESTRO-L2:Data Tampering"]);

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
            var (sink, text) = node switch
            {
                BaseObjectCreationExpressionSyntax creation when SyntaxQueries.CreatedTypeName(creation) is { } type && CommandTypes.Contains(type)
                    => ($"new {type}", SyntaxQueries.Argument(creation.ArgumentList, 0, "cmdText")?.Expression),
                AssignmentExpressionSyntax assignment when SyntaxQueries.AssignedName(assignment) == "CommandText"
                    => ("CommandText", assignment.Right),
                InvocationExpressionSyntax invocation when SyntaxQueries.InvokedName(invocation) is { } name && RawSqlMethods.Contains(name)
                    => (name, SyntaxQueries.Argument(invocation.ArgumentList, 0, "sql")?.Expression),
                InvocationExpressionSyntax invocation when SyntaxQueries.InvokedName(invocation) is { } name && DapperMethods.Contains(name)
                    && SyntaxQueries.Argument(invocation.ArgumentList, 0, "sql")?.Expression is { } dapperText && IsBuilt(dapperText)
                    => (name, dapperText),
                _ => (null, null),
            };
            if (sink is not null && text is not null && tool.Taint.Origin(text, SinkKind.Sql) is { } origin)
            {
                context.Report(text, tool.Name, sink, origin);
            }
        }
    }

    // Dapper's method names are common words: only SQL assembled in place counts.
    private static bool IsBuilt(ExpressionSyntax text) =>
        text is InterpolatedStringExpressionSyntax or BinaryExpressionSyntax || (text is InvocationExpressionSyntax call && SyntaxQueries.InvokedName(call) is "Format" or "Concat");
}
