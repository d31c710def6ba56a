using AgentCompliance.Analysis.Engine;
using AgentCompliance.Analysis.Model;
using AgentCompliance.Analysis.Syntax;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Rules;

/// <summary>
/// AC0023: the deployment authenticates to its cloud account with a static, copyable credential: a client secret
/// (<c>ClientSecretCredential</c>), a user's password (<c>UsernamePasswordCredential</c>), a storage account key
/// (<c>StorageSharedKeyCredential</c>, <c>AzureNamedKeyCredential</c>) or an AWS access key (<c>BasicAWSCredentials</c>),
/// wherever the secret comes from. Workload identity federation (managed identity, <c>WorkloadIdentityCredential</c>,
/// <c>DefaultAzureCredential</c>, AWS roles) is what the rule asks for instead.
/// </summary>
public sealed class AC0023StaticCloudCredentialRule : IAnalysisRule
{
    private static readonly Dictionary<string, string> StaticCredentialTypes = new(StringComparer.Ordinal)
    {
        ["ClientSecretCredential"] = "an Entra ID client secret",
        ["UsernamePasswordCredential"] = "a user name and password",
        ["StorageSharedKeyCredential"] = "a storage account key",
        ["AzureNamedKeyCredential"] = "an account key",
        ["BasicAWSCredentials"] = "an AWS access key",
    };

    public RuleDescriptor Descriptor { get; } = new(
        "AC0023",
        "StaticCloudCredential",
        "Static cloud credential instead of workload identity federation",
        "{0} authenticates to the cloud with {1}: a static secret that works from anywhere until someone rotates it",
        RuleSeverity.Warning,
        7.0,
        "A client secret, account key or access key in the deployment's configuration is a long-lived credential for the " +
        "cloud account: it can be copied out of a pipeline variable, a config file or a memory dump and used from any " +
        "machine, and nothing ties it to the workload. Use workload identity federation instead — managed identity, " +
        "`WorkloadIdentityCredential` or `DefaultAzureCredential` on Azure, an IAM role (IRSA, instance profile) on AWS — so " +
        "the platform issues short-lived tokens bound to this workload.",
        ["NHI6", "NHI7", "MAESTRO-L4"]);

    public void Register(RuleRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.OnNode(Analyze, SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);
    }

    private static void Analyze(NodeContext context)
    {
        var creation = (BaseObjectCreationExpressionSyntax)context.Node;
        if (SyntaxQueries.CreatedTypeName(creation) is { } type && StaticCredentialTypes.TryGetValue(type, out var what))
        {
            context.Report(creation, $"new {type}(…)", what);
        }
    }
}
