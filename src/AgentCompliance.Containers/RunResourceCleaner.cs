using Docker.DotNet;
using Docker.DotNet.Models;

namespace AgentCompliance.Containers;

/// <summary>
/// Removes what a run created, found by label rather than by handle, so a container whose start failed half-way,
/// or resources of an earlier run that crashed, go too. Containers are force-removed (no stop grace period), which
/// keeps cleanup within the few seconds a Ctrl-C allows.
/// </summary>
internal sealed class RunResourceCleaner(IDockerClient docker)
{
    /// <summary>Removes every container, network and image labelled with this run id.</summary>
    public Task RemoveRunAsync(string runId, CancellationToken cancellationToken) =>
        RemoveAsync($"{RunLabels.RunKey}={runId}", _ => true, cancellationToken);

    /// <summary>Removes resources whose owning process on this host no longer runs.</summary>
    public Task SweepLeftoversAsync(CancellationToken cancellationToken) =>
        RemoveAsync(RunLabels.OwnerKey, labels => labels is not null && labels.TryGetValue(RunLabels.OwnerKey, out var owner) && RunLabels.IsDeadOwner(owner),
            cancellationToken);

    private async Task RemoveAsync(string labelFilter, Func<IDictionary<string, string>?, bool> select, CancellationToken cancellationToken)
    {
        var filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [labelFilter] = true } };

        var containers = await docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filters }, cancellationToken).ConfigureAwait(false);
        foreach (var container in containers.Where(c => select(c.Labels)))
        {
            await IgnoreMissingAsync(() => docker.Containers.RemoveContainerAsync(
                container.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken)).ConfigureAwait(false);
        }

        var networks = await docker.Networks.ListNetworksAsync(new NetworksListParameters { Filters = filters }, cancellationToken).ConfigureAwait(false);
        foreach (var network in networks.Where(n => select(n.Labels)))
        {
            await IgnoreMissingAsync(() => docker.Networks.DeleteNetworkAsync(network.ID, cancellationToken)).ConfigureAwait(false);
        }

        var images = await docker.Images.ListImagesAsync(new ImagesListParameters { All = true, Filters = filters }, cancellationToken).ConfigureAwait(false);
        foreach (var image in images.Where(i => select(i.Labels)))
        {
            await IgnoreMissingAsync(() => docker.Images.DeleteImageAsync(image.ID, new ImageDeleteParameters { Force = true }, cancellationToken)).ConfigureAwait(false);
        }
    }

    private static async Task IgnoreMissingAsync(Func<Task> remove)
    {
        try
        {
            await remove().ConfigureAwait(false);
        }
        catch (DockerApiException e) when (e.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Conflict)
        {
            // Already gone, or being removed by the daemon already.
        }
    }
}
