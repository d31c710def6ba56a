using System.Text.RegularExpressions;
using AgentCompliance.Core.Results;
using AgentCompliance.TestServers.Mcp;

namespace AgentCompliance.Live.Tests.Mcp;

/// <summary>
/// The bundled MCP scenarios (features/mcp) run end to end through the run command: against the hardened C# SDK
/// server every control passes; against the protocol's reference server exactly the controls it breaks fail, with the
/// messages an assessor reads; a poisoned tool and a changed inventory are caught; no token or secret reaches the
/// output.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class McpLiveTests
{
    private const string Authentication = "MCP servers require a valid access token";
    private const string Metadata = "MCP servers tell clients which authorization server issues their tokens";
    private const string Rebinding = "MCP servers refuse DNS-rebinding requests";
    private const string Cors = "MCP servers do not let any web page read their responses";
    private const string Session = "MCP sessions end when the client ends them";
    private const string AllowList = "MCP servers expose only the allow-listed tools";
    private const string Poisoning = "MCP tool definitions carry no hidden instructions";
    private const string Pin = "MCP tool inventories match their reviewed pins";

    private static readonly string[] CleanTools = ["search_documents", "create_ticket", "get_ticket"];

    [TestCase(false)]
    [TestCase(true)]
    public async Task Every_bundled_MCP_control_passes_against_the_hardened_server(bool sse)
    {
        await using var server = await HardenedMcpServer.StartAsync();
        using var run = LiveRun.Create();
        run.SetSecret(McpProfiles.SecretVariable, server.Issuer.ClientSecret);
        await RecordPinsAsync(run, McpProfiles.Hardened(server, sse, CleanTools));

        await run.RunAsync(McpProfiles.Hardened(server, sse, CleanTools), "", "mcp");

        Assert.That(run.ScenariosWith(ResultStatus.Failed), Is.Empty, run.Console);
        Assert.That(run.ScenariosWith(ResultStatus.Passed), Is.EqualTo(new[] { Cors, Poisoning, Pin, Metadata, AllowList, Authentication, Rebinding, Session }.Order(StringComparer.Ordinal)));
        Assert.That(run.ExitCode, Is.Zero);
        AssertNoTokenOrSecretLeaks(run, server);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task The_reference_server_fails_exactly_the_controls_it_breaks(bool sse)
    {
        await using var server = await ReferenceMcpServer.StartAsync(sse);
        using var run = LiveRun.Create();
        await RecordPinsAsync(run, McpProfiles.Reference(server, sse));

        await run.RunAsync(McpProfiles.Reference(server, sse), "", "mcp");

        // Its streamable sessions end properly (400 where 404 is asked for); over SSE it never answers a message for a
        // closed session, so that control cannot be verified there.
        string[] failed = sse ? [Cors, Metadata, AllowList, Authentication, Rebinding, Session] : [Cors, Metadata, AllowList, Authentication, Rebinding];
        string[] passed = sse ? [Poisoning, Pin] : [Poisoning, Pin, Session];
        Assert.That(run.ScenariosWith(ResultStatus.Failed), Is.EqualTo(failed.Order(StringComparer.Ordinal)), run.Console);
        Assert.That(run.ScenariosWith(ResultStatus.Passed), Is.EqualTo(passed.Order(StringComparer.Ordinal)));
        var endpoint = $"MCP server 'everything' ({server.Url})";
        var request = sse ? "SSE stream request" : "initialize request";
        Assert.Multiple(() =>
        {
            Assert.That(run.Scenario(Authentication).ErrorMessage, Does.StartWith("Then every MCP server requires authentication: MCP servers that do not require authentication:")
                .And.Contain($"{endpoint} accepted an unauthenticated {request} with 200: anyone who can reach it can list and call its tools")
                .And.Contain($"{endpoint} accepted an {request} with a forged bearer token with 200"));
            Assert.That(run.Scenario(Metadata).ErrorMessage, Does.Contain($"{endpoint} publishes no protected-resource metadata (RFC 9728)"));
            Assert.That(run.Scenario(Rebinding).ErrorMessage, Does.Contain($"{endpoint} accepted a request with the foreign header 'Origin: http://rebinding-probe.invalid'")
                .And.Contain($"{endpoint} accepted a request with the foreign header 'Host: rebinding-probe.invalid:{server.Url.Port}'"));
            Assert.That(run.Scenario(Cors).ErrorMessage, Does.Contain($"{endpoint} answers a CORS preflight from origin http://rebinding-probe.invalid with Access-Control-Allow-Origin: *"));
            Assert.That(run.Scenario(AllowList).ErrorMessage, Does.Contain("MCP server 'everything' exposes tools outside its allow-list: ")
                .And.Contain("get-env").And.Contain("gzip-file-as-resource").And.Not.Contain("does not list expected tools"));
            if (sse)
            {
                Assert.That(run.Scenario(Session).ErrorMessage, Does.Contain("MCP server 'everything' could not be checked: ").And.Contain("/message did not answer within 10 s"));
            }
        });

        // The evidence shows what was sent and answered, e.g. the wildcard CORS header.
        var corsEvidence = run.Scenario(Cors).Steps.SelectMany(s => s.Evidence).Select(e => e.Text);
        Assert.That(corsEvidence, Has.Some.Contains("Access-Control-Allow-Origin: *"));
    }

    [Test]
    public async Task A_poisoned_tool_fails_the_poisoning_control_naming_the_tool_and_the_patterns()
    {
        await using var server = await HardenedMcpServer.StartAsync(McpToolSet.Poisoned());
        using var run = LiveRun.Create();
        run.SetSecret(McpProfiles.SecretVariable, server.Issuer.ClientSecret);
        string[] tools = [.. CleanTools, "add_numbers"];
        await RecordPinsAsync(run, McpProfiles.Hardened(server, false, tools));

        await run.RunAsync(McpProfiles.Hardened(server, false, tools), "", "mcp");

        Assert.That(run.ScenariosWith(ResultStatus.Failed), Is.EqualTo(new[] { Poisoning }), run.Console);
        var message = run.Scenario(Poisoning).ErrorMessage;
        Assert.That(message, Does.StartWith("Then no MCP tool definition carries hidden instructions or exfiltration patterns: MCP tool definitions with poisoning patterns:"));
        Assert.That(message, Does.Contain("MCP server 'tickets': tool 'add_numbers' description: zero-width characters (U+200B)")
            .And.Contain("tool 'add_numbers' description: hidden instruction block")
            .And.Contain("tool 'add_numbers' description: instruction to hide something from the user")
            .And.Contain("tool 'add_numbers' description: reference to SSH keys")
            .And.Contain("tool 'add_numbers' description: exfiltration URL with a placeholder for data"));
        Assert.That(message, Does.Not.Contain("tool 'search_documents'").And.Not.Contain("tool 'create_ticket'"));
        AssertNoTokenOrSecretLeaks(run, server);
    }

    [Test]
    public async Task A_tool_inventory_changed_after_pinning_is_reported_as_drift()
    {
        await using var server = await HardenedMcpServer.StartAsync();
        using var run = LiveRun.Create();
        run.SetSecret(McpProfiles.SecretVariable, server.Issuer.ClientSecret);
        var profile = McpProfiles.Hardened(server, false, CleanTools);
        await RecordPinsAsync(run, profile);
        await run.RunAsync(profile, "", "mcp");
        Assert.That(run.ScenariosWith(ResultStatus.Failed), Is.Empty, run.Console);

        server.Tools.Replace(McpToolSet.Changed());
        await run.RunAsync(profile, "", "mcp");

        Assert.That(run.ScenariosWith(ResultStatus.Failed), Is.EqualTo(new[] { Pin, AllowList }.Order(StringComparer.Ordinal)), run.Console);
        Assert.That(run.Scenario(Pin).ErrorMessage, Does.StartWith("Then the tool inventory of every MCP server matches its pin: MCP tool inventories that do not match their reviewed pins:")
            .And.Contain("MCP server 'tickets' drifted from its pin pins/tickets.json (pinned sha256:")
            .And.Contain("tools added since the pin: delete_ticket")
            .And.Contain("tools whose definition changed (description, schema or annotations): create_ticket")
            .And.Not.Contain("removed"));
        Assert.That(run.Scenario(AllowList).ErrorMessage, Does.Contain("MCP server 'tickets' exposes tools outside its allow-list: delete_ticket"));
    }

    [Test]
    public async Task Without_a_recorded_pin_the_pin_control_fails_saying_how_to_record_one()
    {
        await using var server = await ReferenceMcpServer.StartAsync(sse: false);
        using var run = LiveRun.Create();

        await run.RunAsync(McpProfiles.Reference(server, false), "@MANAGE-3.1", "mcp");

        Assert.That(run.ScenariosWith(ResultStatus.Failed), Is.EqualTo(new[] { Pin }));
        Assert.That(run.Scenario(Pin).ErrorMessage, Does.Contain(
            "MCP server 'everything' has no pin at pins/everything.json yet: review its tools, record the pin with the step 'When the tool inventory of every MCP server is pinned', and commit the file"));
        Assert.That(File.Exists(Path.Combine(run.Folder, "pins", "everything.json")), Is.False, "comparing must never write a pin");
    }

    private static async Task RecordPinsAsync(LiveRun run, string profile)
    {
        await run.RunAsync(profile, "", McpProfiles.RecordPinsFeature);
        Assert.That(run.ScenariosWith(ResultStatus.Passed), Has.Count.EqualTo(1), run.Console);
    }

    private static void AssertNoTokenOrSecretLeaks(LiveRun run, HardenedMcpServer server)
    {
        run.AssertNothingLeaks(server.Issuer.ClientSecret);
        foreach (var file in Directory.EnumerateFiles(run.OutputDirectory, "*", SearchOption.AllDirectories))
        {
            Assert.That(JwtPattern().IsMatch(File.ReadAllText(file)), Is.False, $"a JWT (access token) appears in {Path.GetFileName(file)}");
        }

        Assert.That(JwtPattern().IsMatch(run.Console), Is.False, "a JWT appears in the console output");
    }

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.")]
    private static partial Regex JwtPattern();
}
