using AgentCompliance.Core.Configuration;

namespace AgentCompliance.Containers;

/// <summary>The order containers start in: the profile's order, except that a container comes after those it depends on.</summary>
public static class ContainerStartOrder
{
    /// <remarks>The loader has already rejected unknown names and cycles.</remarks>
    public static IReadOnlyList<ContainerDefinition> Of(IReadOnlyList<ContainerDefinition> containers)
    {
        ArgumentNullException.ThrowIfNull(containers);
        var byName = containers.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var ordered = new List<ContainerDefinition>();
        var placed = new HashSet<string>(StringComparer.Ordinal);

        void Place(ContainerDefinition container, HashSet<string> visiting)
        {
            if (placed.Contains(container.Name) || !visiting.Add(container.Name))
            {
                return;
            }

            foreach (var dependency in container.DependsOn.Where(byName.ContainsKey))
            {
                Place(byName[dependency], visiting);
            }

            placed.Add(container.Name);
            ordered.Add(container);
        }

        foreach (var container in containers)
        {
            Place(container, []);
        }

        return ordered;
    }
}
