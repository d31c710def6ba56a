using System.Globalization;
using AgentCompliance.Analysis.Engine;
using AgentCompliance.Analysis.Model;
using AgentCompliance.Analysis.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentCompliance.Analysis.Rules;

/// <summary>
/// AC0004: access tokens, ID tokens, authorization codes, JWT expiries or SAS URIs valid for more than an hour, or
/// refresh tokens valid for more than a day (<c>AccessTokenLifetime = 86400</c>, <c>SetAccessTokenLifetime(TimeSpan.FromDays(30))</c>,
/// <c>Expires = DateTime.UtcNow.AddDays(7)</c>, <c>GenerateSasUri(…, DateTimeOffset.UtcNow.AddYears(1))</c>).
/// </summary>
public sealed class AC0004LongTokenLifetimeRule : IAnalysisRule
{
    private static readonly TimeSpan AccessLimit = TimeSpan.FromHours(1);
    private static readonly TimeSpan RefreshLimit = TimeSpan.FromDays(1);

    // Properties in seconds (IdentityServer/Duende clients) or TimeSpan/DateTime values.
    private static readonly HashSet<string> AccessProperties = new(StringComparer.Ordinal)
    {
        "AccessTokenLifetime", "IdentityTokenLifetime", "AuthorizationCodeLifetime", "TokenLifetime", "Expires", "AccessTokenExpiration",
        "TokenExpiration", "ExpiresOn",
    };

    private static readonly HashSet<string> RefreshProperties = new(StringComparer.Ordinal)
    {
        "RefreshTokenLifetime", "AbsoluteRefreshTokenLifetime", "SlidingRefreshTokenLifetime", "RefreshTokenExpiration",
    };

    public RuleDescriptor Descriptor { get; } = new(
        "AC0004",
        "LongTokenLifetime",
        "Long-lived token",
        "{0} is {1}; an agent credential should expire within {2} of the task it serves",
        RuleSeverity.Warning,
        6.5,
        "Agents act continuously and chain tools, so a stolen or forgotten token keeps working long after the task ended. " +
        "Issue short-lived, task-scoped credentials (minutes, at most an hour for access tokens; refresh tokens at most a day, " +
        "rotated on use) and revoke them when the task ends.",
        ["NHI7", "NHI1", "ASI03", "MAESTRO-L7:Agent Identity Attack"]);

    public void Register(RuleRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.OnNode(AnalyzeAssignment, SyntaxKind.SimpleAssignmentExpression);
        registrar.OnNode(AnalyzeInvocation, SyntaxKind.InvocationExpression);
        registrar.OnNode(AnalyzeNamedArgument, SyntaxKind.Argument);
    }

    private static void AnalyzeAssignment(NodeContext context)
    {
        var assignment = (AssignmentExpressionSyntax)context.Node;
        if (SyntaxQueries.AssignedName(assignment) is { } name)
        {
            Check(context, name, assignment.Right, secondsAllowed: true);
        }
    }

    private static void AnalyzeInvocation(NodeContext context)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        var name = SyntaxQueries.InvokedName(invocation);
        switch (name)
        {
            case "SetAccessTokenLifetime" or "SetIdentityTokenLifetime" or "SetAuthorizationCodeLifetime" or "SetRefreshTokenLifetime":
                var property = name[3..];
                if (SyntaxQueries.Argument(invocation.ArgumentList, 0)?.Expression is { } lifetime)
                {
                    Check(context, property, lifetime, secondsAllowed: false, displayName: name);
                }

                break;
            case "GenerateSasUri" or "GenerateUserDelegationSasUri" or "GetSasUri":
                var expiry = invocation.ArgumentList.Arguments.Select(argument => argument.Expression).FirstOrDefault(argument => SyntaxQueries.Duration(argument) is not null);
                if (expiry is not null)
                {
                    Check(context, "Expires", expiry, secondsAllowed: false, displayName: $"{name} expiry");
                }

                break;
        }
    }

    private static void AnalyzeNamedArgument(NodeContext context)
    {
        var argument = (ArgumentSyntax)context.Node;
        if (argument.NameColon?.Name.Identifier.ValueText is "expires" or "expiresOn" or "expiration")
        {
            Check(context, "Expires", argument.Expression, secondsAllowed: false, displayName: $"{argument.NameColon.Name.Identifier.ValueText}:");
        }
    }

    private static void Check(NodeContext context, string property, ExpressionSyntax value, bool secondsAllowed, string? displayName = null)
    {
        var isRefresh = RefreshProperties.Contains(property);
        if (!isRefresh && !AccessProperties.Contains(property))
        {
            return;
        }

        var duration = SyntaxQueries.Duration(value);
        if (duration is null && secondsAllowed && SyntaxQueries.NumericValue(value) is { } seconds && seconds > 0)
        {
            duration = TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2));
        }

        var limit = isRefresh ? RefreshLimit : AccessLimit;
        if (duration is { } lifetime && lifetime > limit)
        {
            context.Report(value, displayName ?? property, Describe(lifetime), Describe(limit));
        }
    }

    private static string Describe(TimeSpan span)
    {
        if (span >= TimeSpan.FromDays(36_500))
        {
            return "unlimited";
        }

        if (span.TotalDays >= 1)
        {
            return Plural(span.TotalDays, "day");
        }

        return span.TotalHours >= 1 ? Plural(span.TotalHours, "hour") : Plural(span.TotalMinutes, "minute");
    }

    private static string Plural(double amount, string unit)
    {
        var rounded = Math.Round(amount, 1);
        return string.Create(CultureInfo.InvariantCulture, $"{rounded} {unit}{(rounded == 1 ? string.Empty : "s")}");
    }
}
