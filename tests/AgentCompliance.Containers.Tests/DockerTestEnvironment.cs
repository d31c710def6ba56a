using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace AgentCompliance.Containers.Tests;

/// <summary>
/// What the container tests need from the machine: Docker with the base image (tests/containers/setup-docker.sh,
/// run by ./build.sh test), the Cerbos binary from npm, and a way to list what this test process left in Docker.
/// </summary>
internal static class DockerTestEnvironment
{
    public const string BaseImage = "agentcompliance/base:bookworm";

    /// <summary>The Cerbos binary of tests/servers, installed with npm ci when missing.</summary>
    public static string CerbosBinary()
    {
        var binary = RepositoryLayout.PathOf("tests", "servers", "node_modules", "@cerbos", "cerbos-linux-x64", "cerbos-linux-x64");
        if (!File.Exists(binary))
        {
            using var npm = Process.Start(new ProcessStartInfo("npm", ["ci", "--prefix", RepositoryLayout.PathOf("tests", "servers"), "--no-audit", "--no-fund", "--loglevel=error"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            npm.WaitForExit();
        }

        return File.Exists(binary) ? binary : throw new FileNotFoundException("npm ci --prefix tests/servers did not install the Cerbos binary", binary);
    }

    /// <summary>A build context for the Cerbos image: the binary, the hardened policies, the Dockerfile and its config.</summary>
    public static string CerbosBuildContext(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "policies"));
        File.Copy(CerbosBinary(), Path.Combine(folder, "cerbos-linux-x64"));
        foreach (var policy in Directory.GetFiles(RepositoryLayout.PathOf("tests", "servers", "cerbos", "hardened"), "*.yaml"))
        {
            File.Copy(policy, Path.Combine(folder, "policies", Path.GetFileName(policy)));
        }

        foreach (var file in new[] { "Dockerfile", "config.yaml" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Cerbos", file), Path.Combine(folder, file));
        }

        return folder;
    }

    /// <summary>A client speaking the API version the harness negotiated with the daemon.</summary>
    public static async Task<DockerClient> ClientAsync() =>
        new DockerClientBuilder().WithEndpoint(DockerEndpoint.Address).WithApiVersion(await DockerEndpoint.PrepareAsync(CancellationToken.None)).Build();

    /// <summary>Containers, networks and images labelled as owned by this test process.</summary>
    public static async Task<IReadOnlyList<string>> ResourcesOwnedByThisProcessAsync()
    {
        using var process = Process.GetCurrentProcess();
        var owner = RunLabels.OwnerOf(Environment.MachineName, process.Id, process.StartTime);
        var filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{RunLabels.OwnerKey}={owner}"] = true } };
        using var docker = await ClientAsync();
        var containers = await docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filters });
        var networks = await docker.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filters });
        var images = await docker.Images.ListImagesAsync(new ImagesListParameters { All = true, Filters = filters });
        return [.. containers.Select(c => $"container {string.Join(",", c.Names)}"), .. networks.Select(n => $"network {n.Name}"), .. images.Select(i => $"image {i.ID}")];
    }
}
