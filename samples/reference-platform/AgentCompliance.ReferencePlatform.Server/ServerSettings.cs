using System.Globalization;

namespace AgentCompliance.ReferencePlatform.Server;

/// <summary>
/// The server's settings, each from <c>--name value</c> or else the environment variable <c>AGENTPLATFORM_NAME</c>
/// (upper case, dashes as underscores). Secrets come only from the environment or files, never from arguments, which
/// other users of the machine can read.
/// </summary>
internal sealed class ServerSettings(IReadOnlyDictionary<string, string> arguments, Func<string, string?> environment)
{
    public const string Usage = """
        usage: agentcompliance-reference-platform [--configuration hardened|weak] [--bind ADDRESS] [--public-host HOST]
               [--issuer-port N] [--gateway-port N] [--mcp-port N] [--audit-file FILE] [--policy-file FILE]
               [--cerbos-url URL] [--secrets-dir DIR]
        Every option can also be set as AGENTPLATFORM_<OPTION> (e.g. AGENTPLATFORM_GATEWAY_PORT=8081).
        Client secrets: AGENTPLATFORM_SECRET_<CLIENT_ID> or AGENTPLATFORM_SECRET_<CLIENT_ID>_FILE (e.g.
        AGENTPLATFORM_SECRET_RESEARCH_AGENT_FILE=/run/secrets/research-agent); the approving person's password:
        AGENTPLATFORM_HUMAN_PASSWORD(_FILE). Secrets not given are generated and, with --secrets-dir, written there
        (one file per client, readable only by this user) so a target profile can reference them with {file: ...}.
        """;

    public static ServerSettings Parse(string[] args, Func<string, string?> environment)
    {
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }

            arguments[args[i][2..]] = args[++i];
        }

        return new ServerSettings(arguments, environment);
    }

    public string? Get(string name) =>
        arguments.TryGetValue(name, out var value) ? value : environment("AGENTPLATFORM_" + name.Replace('-', '_').ToUpperInvariant());

    public int Port(string name) => Get(name) is { } text
        ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new ArgumentException($"--{name} must be a port number (got '{text}')")
        : 0;

    /// <summary>A secret from <c>AGENTPLATFORM_{name}</c> or the file <c>AGENTPLATFORM_{name}_FILE</c> names.</summary>
    public string? Secret(string name)
    {
        var variable = "AGENTPLATFORM_" + name.Replace('-', '_').ToUpperInvariant();
        if (environment(variable) is { Length: > 0 } value)
        {
            return value;
        }

        return environment(variable + "_FILE") is { Length: > 0 } file ? File.ReadAllText(file).TrimEnd('\r', '\n') : null;
    }
}
