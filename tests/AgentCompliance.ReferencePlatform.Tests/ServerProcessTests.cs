using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using AgentCompliance.TestServers;

namespace AgentCompliance.ReferencePlatform.Tests;

/// <summary>
/// The server executable as a container would run it: configured by environment variables and arguments, a secret
/// taken from the environment, the others generated and written to the secrets folder, endpoints printed, no secret.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ServerProcessTests
{
    private static string ServerDll => Path.Combine(AppContext.BaseDirectory, "agentcompliance-reference-platform.dll");

    [Test]
    public async Task The_server_takes_its_ports_and_a_secret_from_the_environment_and_serves_tokens_with_it()
    {
        var secretsFolder = Directory.CreateTempSubdirectory("agentcompliance-server-secrets-").FullName;
        var secret = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var issuerPort = LoopbackPort.GetFree();
        var mcpPort = LoopbackPort.GetFree();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { ServerDll, "--configuration", "hardened", "--secrets-dir", secretsFolder })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AGENTPLATFORM_ISSUER_PORT"] = issuerPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["AGENTPLATFORM_GATEWAY_PORT"] = LoopbackPort.GetFree().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["AGENTPLATFORM_MCP_PORT"] = mcpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["AGENTPLATFORM_SECRET_RESEARCH_AGENT"] = secret;
        using var server = Process.Start(start)!;
        var output = new StringBuilder();
        try
        {
            string? line;
            while ((line = await server.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60))) is not null)
            {
                output.AppendLine(line);
                if (line.StartsWith("  agent billing-agent", StringComparison.Ordinal))
                {
                    break;
                }
            }

            Assert.That(output.ToString(), Does.Contain($"issuer                  http://127.0.0.1:{issuerPort}/").And.Not.Contain(secret), () => output + (server.HasExited ? server.StandardError.ReadToEnd() : string.Empty));

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"http://127.0.0.1:{issuerPort}/connect/token"))
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["scope"] = "documents.read",
                    ["resource"] = $"http://127.0.0.1:{mcpPort}/mcp",
                }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"research-agent:{secret}")));
            using var response = await http.SendAsync(request);

            Assert.Multiple(() =>
            {
                Assert.That((int)response.StatusCode, Is.EqualTo(200), "the secret from the environment is the research agent's");
                Assert.That(File.ReadAllText(Path.Combine(secretsFolder, "research-agent")), Is.EqualTo(secret));
                Assert.That(File.ReadAllText(Path.Combine(secretsFolder, "billing-agent")), Has.Length.EqualTo(40).And.Not.EqualTo(secret));
            });
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            Directory.Delete(secretsFolder, recursive: true);
        }
    }

    [Test]
    public async Task A_bad_port_is_a_usage_error()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { ServerDll, "--gateway-port", "http" })
        {
            start.ArgumentList.Add(argument);
        }

        using var server = Process.Start(start)!;
        var error = await server.StandardError.ReadToEndAsync();
        await server.WaitForExitAsync();

        Assert.That(server.ExitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--gateway-port must be a port number (got 'http')").And.Contain("usage: agentcompliance-reference-platform"));
    }
}
