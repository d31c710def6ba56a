using AgentCompliance.Core.Diagnostics;
using Docker.DotNet;

namespace AgentCompliance.Containers;

/// <summary>
/// Makes the process ready for Testcontainers before any of its types is touched (it reads its settings once):
/// the resource reaper off (its image cannot be pulled without a registry; <see cref="RunLabels"/> cleans up instead),
/// published ports reached on 127.0.0.1, and the Docker API version lowered to the daemon's when the daemon is older than the version Testcontainers speaks.
/// </summary>
public static class DockerEndpoint
{
    /// <summary>The Docker API version Testcontainers 4.x speaks by default.</summary>
    public static readonly Version TestcontainersApiVersion = new(1, 44);

    private const string DefaultSocket = "unix:///var/run/docker.sock";

    /// <summary>Where the daemon is asked: DOCKER_HOST, else the default socket.</summary>
    public static Uri Address => new(Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : DefaultSocket);

    /// <summary>
    /// Checks that Docker answers and sets <c>TESTCONTAINERS_RYUK_DISABLED=true</c> and, unless already set,
    /// <c>DOCKER_API_VERSION</c> to the daemon's API version when it is older than <see cref="TestcontainersApiVersion"/>
    /// (Debian's Docker 20.10 speaks 1.41).
    /// </summary>
    /// <returns>The API version requests will use.</returns>
    /// <exception cref="CouldNotRunException">Docker does not answer; the message says where it was asked and what to do.</exception>
    public static async Task<Version> PrepareAsync(CancellationToken cancellationToken)
    {
        Environment.SetEnvironmentVariable("TESTCONTAINERS_RYUK_DISABLED", "true");
        // Ports are published on 127.0.0.1 only, so that is where they are reached, also when this process runs in a
        // container itself (Testcontainers would then pick the bridge gateway, a private-range address).
        Environment.SetEnvironmentVariable("TESTCONTAINERS_HOST_OVERRIDE", "127.0.0.1");

        Version daemonVersion;
        try
        {
            // No API version: the daemon answers /version in its own newest one, so this works with any daemon.
            using var client = new DockerClientBuilder().WithEndpoint(Address).WithTimeout(TimeSpan.FromSeconds(10)).Build();
            var version = await client.System.GetVersionAsync(cancellationToken).ConfigureAwait(false);
            daemonVersion = Version.Parse(version.APIVersion);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new CouldNotRunException(
                $"Docker is not available at {Address} ({FirstLine(e.Message)}), and the profile's containers need it " +
                "(hint: start the Docker daemon, or set DOCKER_HOST; tests/containers/setup-docker.sh sets Docker up on Debian)", e);
        }

        if (Environment.GetEnvironmentVariable("DOCKER_API_VERSION") is { Length: > 0 } configured)
        {
            return Version.Parse(configured);
        }

        var useVersion = daemonVersion < TestcontainersApiVersion ? daemonVersion : TestcontainersApiVersion;
        if (useVersion < TestcontainersApiVersion)
        {
            Environment.SetEnvironmentVariable("DOCKER_API_VERSION", useVersion.ToString(2));
        }

        return useVersion;
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
