using System.Diagnostics;

namespace AgentCompliance.Containers.Tests;

/// <summary>
/// The agentcompliance image built once for the image tests, with src/AgentCompliance.Cli/container/build-image.sh
/// (what <c>./build.sh image</c> runs) into a staging folder and under a tag of its own, so a user's
/// agentcompliance:local is neither used nor replaced. Runs the image with the Docker CLI as a user would; every
/// container it starts is removed, and <see cref="DisposeAsync"/> removes the image.
/// </summary>
internal sealed class CliImage : IAsyncDisposable
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);

    private readonly string _stagingFolder;

    private CliImage(string tag, string stagingFolder)
    {
        Tag = tag;
        _stagingFolder = stagingFolder;
    }

    public string Tag { get; }

    public static async Task<CliImage> BuildAsync()
    {
        var staging = Directory.CreateTempSubdirectory("agentcompliance-image-").FullName;
        var image = new CliImage($"agentcompliance-image-test:{Guid.NewGuid():N}", staging);
        var script = RepositoryLayout.PathOf("src", "AgentCompliance.Cli", "container", "build-image.sh");
        var build = await RunAsync("bash", [script, "--context", Path.Combine(staging, "context"), image.Tag], BuildTimeout);
        if (build.ExitCode != 0)
        {
            await image.DisposeAsync();
            throw new InvalidOperationException($"build-image.sh exited {build.ExitCode}: {build.Output}{build.Error}");
        }

        return image;
    }

    /// <summary>
    /// <c>docker run --rm --network none</c> of the image: only the container's own loopback exists, so nothing it does
    /// can reach another address. <paramref name="work"/>, when given, is mounted at /work.
    /// </summary>
    public async Task<ProcessResult> RunAsync(string? work, IEnumerable<string> dockerOptions, params string[] arguments)
    {
        var name = $"agentcompliance-image-test-{Guid.NewGuid():N}";
        string[] mount = work is null ? [] : ["--volume", $"{work}:/work"];
        try
        {
            return await RunAsync("docker", ["run", "--rm", "--name", name, "--network", "none", .. mount, .. dockerOptions, Tag, .. arguments], RunTimeout);
        }
        finally
        {
            // --rm removes a container that exited; this one is for a run that was cut short.
            await RunAsync("docker", ["rm", "--force", name], RunTimeout);
        }
    }

    /// <summary>One <c>docker image inspect --format</c> value of the image.</summary>
    public async Task<string> InspectAsync(string format)
    {
        var inspect = await RunAsync("docker", ["image", "inspect", "--format", format, Tag], RunTimeout);
        return inspect.ExitCode == 0 ? inspect.Output.Trim() : throw new InvalidOperationException(inspect.Error);
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync("docker", ["image", "rm", "--force", Tag], RunTimeout);
        Directory.Delete(_stagingFolder, recursive: true);
    }

    /// <summary>Runs a program to the end (killed after <paramref name="timeout"/>) and returns its exit code and output.</summary>
    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }
}
