using AgentCompliance.Probes.Mcp;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Mcp;

/// <summary>Event-stream parsing as the HTML standard defines it, including what real MCP servers send.</summary>
[TestFixture]
public sealed class ServerSentEventParserTests
{
    [Test]
    public void A_priming_event_with_empty_data_is_dispatched_empty_and_the_response_follows()
    {
        // What the reference server sends for a POST: a resumability priming event, then the response.
        var events = ServerSentEventParser.ParseAll("id: a1\ndata: \n\nevent: message\nid: a2\ndata: {\"id\":1}\n\n");

        Assert.That(events, Is.EqualTo(new[] { new ServerSentEvent("message", string.Empty, "a1"), new ServerSentEvent("message", "{\"id\":1}", "a2") }));
    }

    [Test]
    public void Data_lines_join_with_line_feeds_and_one_leading_space_is_dropped()
    {
        var events = ServerSentEventParser.ParseAll("data:first\ndata:  second\n\n");

        Assert.That(events.Single().Data, Is.EqualTo("first\n second"));
    }

    [Test]
    public void Comments_are_ignored_and_the_event_type_is_kept()
    {
        var events = ServerSentEventParser.ParseAll(": keep-alive\nevent: endpoint\ndata: /message?sessionId=42\n\n");

        Assert.That(events.Single(), Is.EqualTo(new ServerSentEvent("endpoint", "/message?sessionId=42", null)));
    }

    [Test]
    public void Crlf_and_lone_cr_both_end_lines()
    {
        var events = ServerSentEventParser.ParseAll("data: a\r\n\r\ndata: b\r\rdata: c\n\n");

        Assert.That(events.Select(e => e.Data), Is.EqualTo(new[] { "a", "b", "c" }));
    }

    [Test]
    public void An_event_without_data_or_without_its_blank_line_is_not_dispatched()
    {
        Assert.That(ServerSentEventParser.ParseAll("event: ping\n\ndata: unfinished"), Is.Empty);
    }

    [Test]
    public void The_last_event_id_carries_over_to_later_events()
    {
        var events = ServerSentEventParser.ParseAll("id: 7\ndata: x\n\ndata: y\n\n");

        Assert.That(events.Select(e => e.Id), Is.EqualTo(new[] { "7", "7" }));
    }
}
