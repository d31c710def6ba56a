using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace AgentCompliance.Reporting.Tests.ThreatModels;

/// <summary>
/// One headless Chromium page driven over the DevTools protocol on a loopback port: open a file, collect console
/// errors and uncaught exceptions, evaluate an expression, take a screenshot. Every wait is bounded.
/// </summary>
internal sealed class ChromiumPage : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly Process _browser;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _receiver = Task.CompletedTask;
    private int _nextId;

    private ChromiumPage(Process browser, string profile)
    {
        _browser = browser;
        _profile = profile;
    }

    /// <summary>Console errors, failed assertions, uncaught exceptions and error-level log entries seen so far.</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    /// <summary>The chromium executable on PATH, or null when it is not installed.</summary>
    public static string? FindExecutable() =>
        new[] { "chromium", "chromium-browser" }
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);

    public static async Task<ChromiumPage> StartAsync(string executable)
    {
        var profile = Path.Combine(Path.GetTempPath(), "ac-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--disable-background-networking", "--disable-sync", "--disable-component-update", "--metrics-recording-only",
            "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", $"--user-data-dir={profile}", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var browser = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        var page = new ChromiumPage(browser, profile);
        try
        {
            await page.ConnectAsync().ConfigureAwait(false);
            return page;
        }
        catch
        {
            await page.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task OpenAsync(string file)
    {
        _loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await SendAsync("Page.navigate", new JsonObject { ["url"] = new Uri(file).AbsoluteUri }).ConfigureAwait(false);
        await _loaded.Task.WaitAsync(Timeout).ConfigureAwait(false);
    }

    /// <summary>Evaluates a JavaScript expression in the page and returns its JSON value.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var response = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true }).ConfigureAwait(false);
        return response["result"]?["value"]?.DeepClone();
    }

    public async Task ScreenshotAsync(string path, int width, int height)
    {
        await SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false }).ConfigureAwait(false);
        var response = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" }).ConfigureAwait(false);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String((string)response["data"]!)).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Abort();
        _socket.Dispose();
        try
        {
            if (!_browser.HasExited)
            {
                _browser.Kill(entireProcessTree: true);
                await _browser.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // Already gone, or refusing to die: nothing more a test can do.
        }

        _browser.Dispose();
        _stop.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be flushing its profile; the temp folder is cleaned eventually.
        }
    }

    private async Task ConnectAsync()
    {
        // Chromium prints "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/ID" once it is ready.
        var port = await Task.Run(() =>
        {
            while (_browser.StandardError.ReadLine() is { } line)
            {
                const string marker = "DevTools listening on ws://127.0.0.1:";
                var index = line.IndexOf(marker, StringComparison.Ordinal);
                if (index >= 0)
                {
                    var rest = line[(index + marker.Length)..];
                    return int.Parse(rest[..rest.IndexOf('/', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            throw new InvalidOperationException("chromium exited before opening its DevTools port");
        }).WaitAsync(Timeout).ConfigureAwait(false);

        // Keep draining both pipes so chromium never blocks on a full buffer.
        _ = Task.Run(() => _browser.StandardError.ReadToEnd());
        _ = Task.Run(() => _browser.StandardOutput.ReadToEnd());

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = Timeout };
        var targets = JsonNode.Parse(await http.GetStringAsync(new Uri("json/list", UriKind.Relative)).ConfigureAwait(false))!.AsArray();
        var page = targets.First(t => (string?)t!["type"] == "page")!;
        await _socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), CancellationToken.None).WaitAsync(Timeout).ConfigureAwait(false);
        _receiver = Task.Run(ReceiveAsync);

        await SendAsync("Runtime.enable", []).ConfigureAwait(false);
        await SendAsync("Log.enable", []).ConfigureAwait(false);
        await SendAsync("Page.enable", []).ConfigureAwait(false);
    }

    private async Task<JsonObject> SendAsync(string method, JsonObject parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters }.ToJsonString();
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, _stop.Token).ConfigureAwait(false);
        var response = await reply.Task.WaitAsync(Timeout).ConfigureAwait(false);
        return response["error"] is { } error ? throw new InvalidOperationException($"{method}: {error.ToJsonString()}") : response["result"]!.AsObject();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                Dispatch(JsonNode.Parse(message.ToArray())!.AsObject());
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Closing down.
        }
    }

    private static bool IsError(JsonNode? parameters) => (string?)parameters?["type"] is "error" or "assert";

    private static bool IsErrorEntry(JsonNode? parameters) => (string?)parameters?["entry"]?["level"] == "error";

    private void Dispatch(JsonObject message)
    {
        if (message["id"] is { } id && _pending.TryRemove((int)id, out var reply))
        {
            reply.TrySetResult(message);
            return;
        }

        var parameters = message["params"];
        switch ((string?)message["method"])
        {
            case "Page.loadEventFired":
                _loaded.TrySetResult();
                break;
            case "Runtime.consoleAPICalled" when IsError(parameters):
                Errors.Enqueue($"console.{parameters!["type"]}: {parameters["args"]?.ToJsonString()}");
                break;
            case "Runtime.exceptionThrown":
                Errors.Enqueue($"uncaught: {parameters?["exceptionDetails"]?.ToJsonString()}");
                break;
            case "Log.entryAdded" when IsErrorEntry(parameters):
                Errors.Enqueue($"log: {parameters!["entry"]!["text"]} ({parameters["entry"]!["url"]})");
                break;
        }
    }
}
