using AgentCompliance.Core.Redaction;
using AgentCompliance.Probes.Audit;
using AgentCompliance.Probes.Http;
using AgentCompliance.TestServers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Audit;

/// <summary>
/// Reading an audit trail served over HTTP: JSON lines or a JSON array, bounded by the client's response cap, with a
/// cut-off answer reported rather than silently read as the whole trail. The endpoints serve fixed bodies, since the
/// point is how the reader copes with what a real endpoint could send.
/// </summary>
[TestFixture]
public sealed class HttpAuditTrailTests
{
    private const string Event = """{"agent":"research-agent","tool":"search_documents","decision":"allow"}""";
    private LoopbackWebHost _server = null!;
    private int _served;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await LoopbackWebHost.StartAsync(app =>
    {
        app.MapGet("/lines", () => Results.Text($"{Event}\nnot json\n{Event}\n", "application/x-ndjson"));
        app.MapGet("/array", () => Results.Text($"[{Event}, 42, {Event}]", "application/json"));
        app.MapGet("/growing", () => Results.Text(string.Concat(Enumerable.Repeat($"{Event}\n", Interlocked.Increment(ref _served))), "application/x-ndjson"));
        app.MapGet("/huge-lines", () => Results.Text(string.Concat(Enumerable.Repeat($"{Event}\n", 5000)), "application/x-ndjson"));
        app.MapGet("/huge-array", () => Results.Text("[" + string.Join(',', Enumerable.Repeat(Event, 5000)) + "]", "application/json"));
        app.MapGet("/forbidden", () => Results.StatusCode(403));
    });

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    private static ProbeHttpClient Client(int maxBytes = 1024 * 1024) =>
        new(new ProbeHttpOptions { AllowInsecureLoopback = true, MaxResponseBytes = maxBytes }, null, Redactor.PatternsOnly);

    private HttpAuditTrail Trail(ProbeHttpClient http, string path) => new(http, new Uri(_server.BaseUrl, path), new AuditTrailLimits());

    [Test]
    public async Task Json_lines_are_read_with_the_endpoint_and_line_of_each_entry()
    {
        using var http = Client();
        var snapshot = await Trail(http, "lines").ReadAsync(null);

        Assert.Multiple(() =>
        {
            Assert.That(snapshot.Entries.Select(e => e.Location), Is.EqualTo(new[] { 1, 2, 3 }.Select(i => $"{_server.BaseUrl}lines:{i}")));
            Assert.That(snapshot.Entries[1].Problem, Does.StartWith("not valid JSON"));
        });
    }

    [Test]
    public async Task A_json_array_is_read_item_by_item()
    {
        using var http = Client();
        var snapshot = await Trail(http, "array").ReadAsync(null);

        Assert.Multiple(() =>
        {
            Assert.That(snapshot.Entries.Select(e => e.IsEvent), Is.EqualTo(new[] { true, false, true }));
            Assert.That(snapshot.Entries[1].Location, Is.EqualTo($"{_server.BaseUrl}array item 2"));
            Assert.That(snapshot.Entries[1].Problem, Is.EqualTo("not a JSON object but a number"));
        });
    }

    [Test]
    public async Task After_a_mark_only_events_served_later_are_read()
    {
        using var http = Client();
        var trail = Trail(http, "growing");
        var mark = await trail.MarkAsync();

        var snapshot = await trail.ReadAsync(mark);

        Assert.That(snapshot.Entries.Select(e => e.Location), Is.EqualTo(new[] { $"{_server.BaseUrl}growing:{mark.Position + 1}" }));
    }

    [Test]
    public async Task Json_lines_beyond_the_cap_are_read_up_to_the_last_whole_line_and_reported()
    {
        using var http = Client(maxBytes: 4096);
        var snapshot = await Trail(http, "huge-lines").ReadAsync(null);

        Assert.Multiple(() =>
        {
            Assert.That(snapshot.Truncated, Is.True);
            Assert.That(snapshot.Entries.All(e => e.IsEvent), Is.True, "the line the cap cut through is not an event");
            Assert.That(snapshot.Notes, Has.Some.Contains("answered more than 4096 bytes").And.Some.Contains("the newest events may be missing"));
        });
    }

    [Test]
    public void A_json_array_beyond_the_cap_cannot_be_read_in_part()
    {
        using var http = Client(maxBytes: 4096);

        var error = Assert.ThrowsAsync<ProbeFailedException>(() => Trail(http, "huge-array").ReadAsync(null));

        Assert.That(error!.Message, Does.Contain("answered a JSON array larger than the 4096-byte limit; it cannot be read in part"));
    }

    [Test]
    public void An_error_status_fails_naming_the_endpoint()
    {
        using var http = Client();

        var error = Assert.ThrowsAsync<ProbeFailedException>(() => Trail(http, "forbidden").ReadAsync(null));

        Assert.That(error!.Message, Is.EqualTo($"{_server.BaseUrl}forbidden answered 403; the audit trail cannot be read"));
    }
}
