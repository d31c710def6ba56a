using AgentCompliance.Core.Redaction;
using AgentCompliance.Probes.Http;
using AgentCompliance.TestServers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Http;

/// <summary>
/// Streamed reads stay bounded against event streams that misbehave on purpose: one that never stops sending, one that
/// goes silent, one that never ends; and what was read is recorded as evidence.
/// </summary>
[TestFixture]
public sealed class ProbeResponseStreamTests
{
    private LoopbackWebHost _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await LoopbackWebHost.StartAsync(app =>
    {
        app.MapGet("/flood", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/event-stream";
            var line = "data: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n\n"u8.ToArray();
            for (var i = 0; i < 1_000_000 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync(line, context.RequestAborted);
            }
        });
        app.MapGet("/silent", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: hello\r\n\r\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted);
        });
        app.MapGet("/trickle", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/event-stream";
            for (var i = 0; i < 600 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.WriteAsync(": keep-alive\n", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(100, context.RequestAborted);
            }
        });
    });

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    private static ProbeHttpClient Client(EvidenceList evidence, TimeSpan timeout) => new(
        new ProbeHttpOptions { AllowInsecureLoopback = true, RequestTimeout = timeout, MaxResponseBytes = 64 * 1024 },
        evidence,
        Redactor.PatternsOnly);

    [Test]
    public async Task A_stream_that_never_stops_sending_is_cut_at_the_size_cap()
    {
        using var http = Client(new EvidenceList(), TimeSpan.FromSeconds(10));
        await using var stream = await http.OpenStreamAsync(ProbeRequest.Get(new Uri(_server.BaseUrl, "flood")), TimeSpan.FromSeconds(30));

        var error = Assert.ThrowsAsync<ProbeFailedException>(() => stream.ReadToEndAsync());
        Assert.That(error!.Message, Is.EqualTo($"{_server.BaseUrl}flood streamed more than 65536 bytes; reading stopped there"));
    }

    [Test]
    public async Task A_silent_stream_fails_after_the_request_timeout_and_what_came_before_is_evidence()
    {
        var evidence = new EvidenceList();
        using var http = Client(evidence, TimeSpan.FromSeconds(1));
        await using (var stream = await http.OpenStreamAsync(ProbeRequest.Get(new Uri(_server.BaseUrl, "silent")), TimeSpan.FromSeconds(30)))
        {
            Assert.That(stream.IsEventStream, Is.True);
            Assert.That(await stream.ReadLineAsync(), Is.EqualTo("data: hello"));
            Assert.That(await stream.ReadLineAsync(), Is.EqualTo(string.Empty));
            var error = Assert.ThrowsAsync<ProbeFailedException>(() => stream.ReadLineAsync());
            Assert.That(error!.Message, Is.EqualTo($"{_server.BaseUrl}silent sent nothing within 1 s"));
        }

        Assert.That(evidence.Items.Single().Title, Is.EqualTo($"GET {_server.BaseUrl}silent → 200"));
        Assert.That(evidence.Items.Single().Text, Does.Contain("data: hello"));
    }

    [Test]
    public async Task A_stream_kept_alive_forever_ends_at_its_maximum_duration()
    {
        using var http = Client(new EvidenceList(), TimeSpan.FromSeconds(5));
        await using var stream = await http.OpenStreamAsync(ProbeRequest.Get(new Uri(_server.BaseUrl, "trickle")), TimeSpan.FromSeconds(1));

        var error = Assert.ThrowsAsync<ProbeFailedException>(() => stream.ReadToEndAsync());
        Assert.That(error!.Message, Is.EqualTo($"{_server.BaseUrl}trickle kept the stream open longer than this probe waits; reading stopped"));
    }

    [Test]
    public void A_stream_to_plain_http_is_refused_like_any_request_when_the_profile_does_not_allow_it()
    {
        using var http = new ProbeHttpClient(new ProbeHttpOptions(), new EvidenceList(), Redactor.PatternsOnly);
        Assert.ThrowsAsync<ProbeFailedException>(() => http.OpenStreamAsync(ProbeRequest.Get(new Uri(_server.BaseUrl, "silent")), TimeSpan.FromSeconds(5)));
    }
}
