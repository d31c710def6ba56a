using System.Text.RegularExpressions;
using AgentCompliance.Analysis.Engine;
using AgentCompliance.Analysis.Model;
using AgentCompliance.Analysis.Syntax;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Rules;

/// <summary>
/// AC0001: a credential written in the source: a literal assigned to a secret-named variable, property or argument,
/// passed to a credential type, sent as an auth header, or shaped like a provider key (sk-…, ghp_…, AKIA…, a JWT,
/// a connection string with a password). The value is never repeated in the message.
/// </summary>
public sealed partial class AC0001HardcodedCredentialRule : IAnalysisRule
{
    // Constructor → position of the secret argument.
    private static readonly Dictionary<string, int> CredentialConstructors = new(StringComparer.Ordinal)
    {
        ["ApiKeyCredential"] = 0,
        ["AzureKeyCredential"] = 0,
        ["AzureSasCredential"] = 0,
        ["NetworkCredential"] = 1,
        ["ClientSecretCredential"] = 2,
        ["UsernamePasswordCredential"] = 1,
        ["StorageSharedKeyCredential"] = 1,
        ["BasicAWSCredentials"] = 1,
        ["AuthenticationHeaderValue"] = 1,
    };

    private static readonly HashSet<string> AuthHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "api-key", "x-api-key", "Ocp-Apim-Subscription-Key", "X-Auth-Token", "Private-Token",
    };

    public RuleDescriptor Descriptor { get; } = new(
        "AC0001",
        "HardcodedCredential",
        "Hard-coded credential",
        "Hard-coded {0} in {1}: anyone with the code or the binary can act as this agent",
        RuleSeverity.Error,
        9.0,
        "An agent's credential in source code is shared by every copy of the code, cannot be rotated without a release and " +
        "outlives the task it was meant for. Load it at run time from a secret store or workload identity (managed identity, " +
        "federated credentials), e.g. `configuration[\"OpenAI:ApiKey\"]` backed by Key Vault, or `DefaultAzureCredential`.",
        ["NHI2", "NHI7", "ASI03", "LLM02", "MAESTRO-L7:Agent Identity Attack"]);

    public void Register(RuleRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.OnNode(Analyze, SyntaxKind.StringLiteralExpression);
    }

    private static void Analyze(NodeContext context)
    {
        var literal = (LiteralExpressionSyntax)context.Node;
        var value = literal.Token.ValueText;
        if (value.Length < 8 || value.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            return;
        }

        if (KnownFormat(value) is { } format)
        {
            context.Report(literal, format, Where(literal));
            return;
        }

        if (IsPlaceholder(value))
        {
            return;
        }

        if (SecretContext(literal) is { } secret)
        {
            context.Report(literal, secret.Kind, secret.Where);
        }
    }

    private static (string Kind, string Where)? SecretContext(LiteralExpressionSyntax literal)
    {
        var parent = literal.Parent;
        switch (parent)
        {
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                return Named(declarator.Identifier.ValueText);
            case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                return Named(property.Identifier.ValueText);
            case AssignmentExpressionSyntax assignment when assignment.Right == literal:
                if (SyntaxQueries.IndexerKey(assignment.Left) is { } header && AuthHeaders.Contains(header))
                {
                    return ("credential", $"the '{header}' header");
                }

                return SyntaxQueries.AssignedName(assignment) is { } assigned ? Named(assigned) : null;
            case ArgumentSyntax argument:
                if (argument.NameColon is { } nameColon && Named(nameColon.Name.Identifier.ValueText) is { } named)
                {
                    return named;
                }

                return ArgumentContext(argument);
            default:
                return null;
        }
    }

    private static (string Kind, string Where)? ArgumentContext(ArgumentSyntax argument)
    {
        if (argument.Parent is not ArgumentListSyntax list)
        {
            return null;
        }

        var position = list.Arguments.IndexOf(argument);
        switch (list.Parent)
        {
            case BaseObjectCreationExpressionSyntax creation when SyntaxQueries.CreatedTypeName(creation) is { } type
                && CredentialConstructors.TryGetValue(type, out var secretPosition) && secretPosition == position:
                return ("credential", $"new {type}(...)");
            case InvocationExpressionSyntax invocation when position == 1 && SyntaxQueries.InvokedName(invocation) is "Add" or "TryAddWithoutValidation"
                && SyntaxQueries.StringValue(list.Arguments[0].Expression) is { } header && AuthHeaders.Contains(header):
                return ("credential", $"the '{header}' header");
            default:
                return null;
        }
    }

    private static (string Kind, string Where)? Named(string name) =>
        SecretNames.SecretKind(name) is { } kind ? (kind, $"'{name}'") : null;

    private static string Where(LiteralExpressionSyntax literal) => SecretContext(literal)?.Where ?? "a string literal";

    private static string? KnownFormat(string value)
    {
        if (ProviderKeyPattern().IsMatch(value))
        {
            return "API key";
        }

        if (JwtPattern().IsMatch(value))
        {
            return "bearer token";
        }

        return ConnectionSecretPattern().IsMatch(value) ? "connection-string secret" : null;
    }

    private static bool IsPlaceholder(string value) =>
        value.Contains(' ', StringComparison.Ordinal) && value.Split(' ').Length > 3 // prose, not a secret
        || value.IndexOfAny(['<', '{', '$']) >= 0
        || value.Contains("your", StringComparison.OrdinalIgnoreCase) || value.Contains("xxxx", StringComparison.OrdinalIgnoreCase)
        || value.Contains("placeholder", StringComparison.OrdinalIgnoreCase) || value.Contains("changeme", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("http", StringComparison.OrdinalIgnoreCase)
        || EnvironmentOrConfigKeyPattern().IsMatch(value);

    // OpenAI/Anthropic, GitHub, GitLab, AWS, Slack and Google key prefixes.
    [GeneratedRegex(@"^(sk-(ant-|proj-)?[A-Za-z0-9_\-]{20,}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|glpat-[A-Za-z0-9_\-]{20,}|AKIA[0-9A-Z]{16}|xox[abprs]-[A-Za-z0-9\-]{10,}|AIza[0-9A-Za-z_\-]{35})$", RegexOptions.CultureInvariant)]
    private static partial Regex ProviderKeyPattern();

    [GeneratedRegex(@"^eyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,}$", RegexOptions.CultureInvariant)]
    private static partial Regex JwtPattern();

    [GeneratedRegex(@"(^|;)\s*(Password|Pwd|AccountKey|SharedAccessKey|SharedAccessSignature)\s*=\s*[^;\s{<$]{4,}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionSecretPattern();

    // OPENAI_API_KEY or OpenAI:ApiKey name where a secret lives; they are not secrets.
    [GeneratedRegex(@"^([A-Z0-9_]+|[A-Za-z0-9_.\-]+(:[A-Za-z0-9_.\-]+)+)$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentOrConfigKeyPattern();
}
