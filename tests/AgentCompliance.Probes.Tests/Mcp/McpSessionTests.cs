using AgentCompliance.Core.Configuration;
using AgentCompliance.Probes.Http;
using AgentCompliance.Probes.Mcp;
using AgentCompliance.TestServers.Mcp;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Mcp;

/// <summary>
/// The MCP client against real servers: the reference server on both HTTP transports, and the hardened C# SDK server
/// that requires a token and pages its tool list.
/// </summary>
[TestFixture]
public sealed class McpSessionTests
{
    private ReferenceMcpServer _streamable = null!;
    private ReferenceMcpServer _sse = null!;
    private HardenedMcpServer _hardened = null!;

    [OneTimeSetUp]
    public async Task StartServers()
    {
        _streamable = await ReferenceMcpServer.StartAsync(sse: false);
        _sse = await ReferenceMcpServer.StartAsync(sse: true);
        _hardened = await HardenedMcpServer.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopServers()
    {
        await _streamable.DisposeAsync();
        await _sse.DisposeAsync();
        await _hardened.DisposeAsync();
    }

    [Test]
    public async Task Streamable_http_session_lists_the_reference_servers_tools_and_ends_with_delete()
    {
        var evidence = new EvidenceList();
        using var http = McpProbeClients.Client(evidence);
        string? session;
        IReadOnlyList<McpTool> tools;
        await using (var mcp = await McpSession.OpenAsync(http, McpProbeClients.Target(_streamable.Url)))
        {
            session = mcp.SessionId;
            tools = await mcp.ListToolsAsync();
            Assert.That(mcp.ProtocolVersion, Is.EqualTo(McpHeaders.LatestProtocolVersion));
        }

        Assert.That(session, Is.Not.Null.And.Not.Empty);
        Assert.That(tools.Select(t => t.Name), Does.Contain("get-env").And.Contain("echo"));
        var exchanges = evidence.Items.Select(i => i.Title).ToList();
        Assert.That(exchanges, Has.Some.StartsWith($"DELETE {_streamable.Url} → 200"));
        // Requests after initialize carry the session and the negotiated revision.
        Assert.That(evidence.AllText, Does.Contain($"{McpHeaders.SessionId}: {session}").And.Contain($"{McpHeaders.ProtocolVersion}: {McpHeaders.LatestProtocolVersion}"));
    }

    [Test]
    public async Task Legacy_sse_session_lists_the_same_tools_through_the_endpoint_event()
    {
        var evidence = new EvidenceList();
        using var http = McpProbeClients.Client(evidence);
        await using var mcp = await McpSession.OpenAsync(http, McpProbeClients.Target(_sse.Url, McpTransport.Sse));
        var tools = await mcp.ListToolsAsync();

        Assert.That(tools.Select(t => t.Name), Does.Contain("get-env").And.Contain("echo"));
        Assert.That(mcp.SessionId, Is.Not.Null.And.Not.Empty);
        Assert.That(evidence.AllText, Does.Contain("/message?sessionId="));
    }

    [Test]
    public async Task The_hardened_server_pages_its_tools_and_every_page_is_read()
    {
        using var http = McpProbeClients.Client(new EvidenceList());
        var token = await McpProbeClients.TokenAsync(http, _hardened);
        await using var mcp = await McpSession.OpenAsync(http, McpProbeClients.Target(_hardened.Url, token: token));
        var tools = await mcp.ListToolsAsync();

        Assert.That(tools.Select(t => t.Name), Is.EqualTo(new[] { "search_documents", "create_ticket", "get_ticket" }));
    }

    [Test]
    public async Task The_hardened_server_speaks_legacy_sse_with_a_token_too()
    {
        using var http = McpProbeClients.Client(new EvidenceList());
        var token = await McpProbeClients.TokenAsync(http, _hardened);
        await using var mcp = await McpSession.OpenAsync(http, McpProbeClients.Target(_hardened.SseUrl, McpTransport.Sse, token));

        Assert.That((await mcp.ListToolsAsync()).Select(t => t.Name), Does.Contain("get_ticket"));
    }

    [Test]
    public void Without_a_token_the_hardened_server_refuses_and_the_message_says_what_to_configure()
    {
        using var http = McpProbeClients.Client(new EvidenceList());
        var error = Assert.ThrowsAsync<ProbeFailedException>(() => McpSession.OpenAsync(http, McpProbeClients.Target(_hardened.Url)));
        Assert.That(error!.Message, Is.EqualTo($"{_hardened.Url} refused the MCP initialize request with 401 (the server requires a token: name the agent whose token to use under the server's 'agent' in the profile)"));
    }
}
