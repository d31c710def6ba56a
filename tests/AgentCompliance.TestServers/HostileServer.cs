using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AgentCompliance.TestServers;

/// <summary>
/// Endpoints that misbehave on purpose — too slow, too big, not JSON, redirecting elsewhere — plus a second origin
/// that records any Authorization header it receives, so tests can prove credentials never follow a redirect there.
/// </summary>
public sealed class HostileServer : IAsyncDisposable
{
    private readonly LoopbackWebHost _main;
    private readonly LoopbackWebHost _otherOrigin;

    private HostileServer(LoopbackWebHost main, LoopbackWebHost otherOrigin, ConcurrentQueue<string> received)
    {
        _main = main;
        _otherOrigin = otherOrigin;
        CredentialsReceivedByOtherOrigin = received;
    }

    public Uri BaseUrl => _main.BaseUrl;

    public Uri OtherOriginUrl => _otherOrigin.BaseUrl;

    /// <summary>Every Authorization (or Cookie) header value the other origin was sent.</summary>
    public ConcurrentQueue<string> CredentialsReceivedByOtherOrigin { get; }

    public static async Task<HostileServer> StartAsync()
    {
        var received = new ConcurrentQueue<string>();
        var other = await LoopbackWebHost.StartAsync(app => app.Run(async context =>
        {
            foreach (var name in new[] { "Authorization", "Cookie" })
            {
                if (context.Request.Headers.TryGetValue(name, out var value))
                {
                    received.Enqueue($"{name}: {value}");
                }
            }

            await context.Response.WriteAsync("""{"captured":true}""").ConfigureAwait(false);
        })).ConfigureAwait(false);

        var main = await LoopbackWebHost.StartAsync(app =>
        {
            app.MapGet("/slow", async (HttpContext context) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted).ConfigureAwait(false);
                return Results.Ok();
            });
            app.MapGet("/huge", async (HttpContext context) =>
            {
                // 50 MB of JSON-looking bytes, streamed so the server itself stays small.
                context.Response.ContentType = "application/json";
                var chunk = new byte[64 * 1024];
                Array.Fill(chunk, (byte)'a');
                await context.Response.Body.WriteAsync("{\"x\":\""u8.ToArray(), context.RequestAborted).ConfigureAwait(false);
                for (var written = 0; written < 50 * 1024 * 1024; written += chunk.Length)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted).ConfigureAwait(false);
                }
            });
            app.MapGet("/invalid-json", () => Results.Text("{\"issuer\": \"http://x\", oops", "application/json"));
            app.MapGet("/redirect-other-origin", () => Results.Redirect(new Uri(other.BaseUrl, "capture").ToString()));
            app.MapGet("/redirect-same-origin", () => Results.Redirect("/echo-authorization"));
            app.MapGet("/redirect-loop", () => Results.Redirect("/redirect-loop"));
            app.MapGet("/echo-authorization", (HttpContext context) =>
                Results.Json(new { authorization = context.Request.Headers.Authorization.Count > 0 }));

            // A token endpoint that never answers in time.
            app.MapPost("/slow", async (HttpContext context) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted).ConfigureAwait(false);
                return Results.Ok();
            });

            // A token endpoint that echoes every credential it was sent: in an OAuth error body, in custom headers, and
            // in the bare forms no credential pattern recognises (the base64 of a Basic header, the raw form body).
            app.MapPost("/token-echo", async (HttpContext context) =>
            {
                var authorization = context.Request.Headers.Authorization.ToString();
                var form = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
                var basic = authorization.StartsWith("Basic ", StringComparison.Ordinal) ? authorization[6..] : string.Empty;
                var decoded = basic.Length > 0 ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(basic)) : string.Empty;
                context.Response.Headers["X-Echo-Authorization"] = authorization;
                context.Response.Headers["X-Echo-Credential"] = basic;
                context.Response.Headers["X-Echo-Decoded"] = decoded;
                context.Response.Headers["X-Echo-Form"] = form;
                return Results.Json(
                    new { error = "invalid_client", error_description = $"rejected {decoded} with {authorization}; form {form}", echo = new { authorization, basic, decoded, form } },
                    statusCode: 401);
            });

            // Valid JSON shaped like a JWK set, but not one usable key in it.
            app.MapGet("/jwks-garbage", () => Results.Text(
                """{"keys":[{"kty":"RSA","kid":"a","n":"***","e":"AQAB"},{"kty":"EC","kid":"b","crv":"P-256","x":"AA"},{"kty":"oct","k":"c2VjcmV0"},42,"key"]}""",
                "application/json"));
        }).ConfigureAwait(false);

        return new HostileServer(main, other, received);
    }

    public async ValueTask DisposeAsync()
    {
        await _main.DisposeAsync().ConfigureAwait(false);
        await _otherOrigin.DisposeAsync().ConfigureAwait(false);
    }
}
