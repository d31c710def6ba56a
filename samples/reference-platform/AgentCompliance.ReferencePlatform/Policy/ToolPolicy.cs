using System.Text.Json;

namespace AgentCompliance.ReferencePlatform.Policy;

/// <summary>
/// The gateway's policy as a file (JSON): allow rules per agent, tool and action, and whether a sensitive action
/// withdraws every allowance until re-evaluated. Anything no rule allows is denied.
/// </summary>
public sealed record ToolPolicy
{
    /// <summary>The resource kind tool calls are checked as, as in the Cerbos policies.</summary>
    public const string ToolKind = "tool";

    /// <summary>The principal attribute a gateway sets once an agent performed a sensitive action.</summary>
    public const string SensitiveActionAttribute = "sensitiveActionPerformed";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public string? Description { get; init; }

    public bool ReEvaluateAfterSensitiveAction { get; init; }

    public IReadOnlyList<ToolPolicyRule> Rules { get; init; } = [];

    /// <summary>Decides one action on one resource, with the reason a denial gives.</summary>
    public (bool Allowed, string Reason) Decide(string agent, string kind, string tool, string action, bool sensitiveActionPerformed)
    {
        if (kind != ToolKind)
        {
            return (false, $"no policy covers resources of kind '{kind}'");
        }

        if (ReEvaluateAfterSensitiveAction && sensitiveActionPerformed)
        {
            return (false, $"agent '{agent}' performed a sensitive action, so its access must be evaluated again");
        }

        return Rules.Any(rule => rule.Allows(agent, tool, action))
            ? (true, "allowed by policy")
            : (false, $"policy denies agent '{agent}' the action '{action}' on tool '{tool}': it is outside the agent's allow-list");
    }

    /// <summary>A bundled policy (<c>hardened</c>, <c>weak</c>) or a JSON policy file.</summary>
    /// <exception cref="ArgumentException">The name is neither, or the file is not a valid policy.</exception>
    public static ToolPolicy Load(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(nameOrPath);
        var resource = typeof(ToolPolicy).Assembly.GetManifestResourceStream($"AgentCompliance.ReferencePlatform.Policies.{nameOrPath}.json");
        using var stream = resource ?? (File.Exists(nameOrPath)
            ? File.OpenRead(nameOrPath)
            : throw new ArgumentException($"no bundled policy and no file named '{nameOrPath}' (bundled: hardened, weak)", nameof(nameOrPath)));
        try
        {
            return JsonSerializer.Deserialize<ToolPolicy>(stream, Json) ?? throw new ArgumentException($"the policy '{nameOrPath}' is empty", nameof(nameOrPath));
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"the policy '{nameOrPath}' is not valid: {e.Message}", nameof(nameOrPath), e);
        }
    }
}
