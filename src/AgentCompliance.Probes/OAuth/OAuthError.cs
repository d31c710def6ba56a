using System.Text.Json;
using AgentCompliance.Probes.Http;

namespace AgentCompliance.Probes.OAuth;

/// <summary>An OAuth error answer (RFC 6749 §5.2): the HTTP status, the <c>error</c> code and its description.</summary>
public sealed record OAuthError(int Status, string Code, string? Description)
{
    /// <summary>The error in a non-success answer; a body that is not an OAuth error gets the code "(no error code)".</summary>
    public static OAuthError From(ProbeResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            using var json = response.Json();
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                var code = root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString() : null;
                var description = root.TryGetProperty("error_description", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
                return new OAuthError(response.Status, code ?? "(no error code)", description);
            }
        }
        catch (ProbeFailedException)
        {
            // Not JSON: the status alone says what happened.
        }

        return new OAuthError(response.Status, "(no error code)", null);
    }

    public override string ToString() => $"{Status} {Code}{(Description is null ? string.Empty : $" ({Description})")}";
}
