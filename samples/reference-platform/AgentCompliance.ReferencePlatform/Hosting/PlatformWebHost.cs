using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentCompliance.ReferencePlatform.Hosting;

/// <summary>One component's ASP.NET host on a fixed address and port.</summary>
internal sealed class PlatformWebHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PlatformWebHost(WebApplication app)
    {
        _app = app;
    }

    public IServiceProvider Services => _app.Services;

    // `prepare` runs on the built services before the host listens (e.g. seeding clients), so no request ever reaches
    // a component that is not complete yet: a readiness check that answers means ready.
    public static async Task<PlatformWebHost> StartAsync(string bindAddress, int port, Action<IServiceCollection> configureServices, Action<WebApplication> configureApp, CancellationToken cancellationToken, Func<IServiceProvider, Task>? prepare = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://{bindAddress}:{port}");
        builder.Logging.ClearProviders();
        configureServices(builder.Services);
        var app = builder.Build();
        configureApp(app);
        try
        {
            if (prepare is not null)
            {
                await prepare(app.Services).ConfigureAwait(false);
            }

            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new PlatformWebHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
