using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Scenarios.Hosting;

/// <summary>
/// Loads users' binding DLLs (built against the Reqnroll package alone) from any folder. They share the default
/// load context with the harness, so they bind to the harness's Reqnroll and see the same attribute types; their
/// other dependencies are resolved from the DLL's own <c>.deps.json</c> and folder.
/// </summary>
public static class BindingAssemblyFiles
{
    private const string Hint = "--bindings takes the path of a compiled binding assembly (.dll) that references the Reqnroll package";

    private static readonly ConcurrentDictionary<string, AssemblyDependencyResolver?> ResolversByAssemblyPath = new(StringComparer.Ordinal);
    private static int _resolvingHooked;

    public static IReadOnlyList<Assembly> Load(IEnumerable<string> paths, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var problems = new List<InputProblem>();
        var assemblies = new List<Assembly>();
        foreach (var path in paths)
        {
            var assembly = LoadOne(path, workingDirectory, problems);
            if (assembly is not null && !assemblies.Contains(assembly))
            {
                assemblies.Add(assembly);
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        return assemblies;
    }

    private static Assembly? LoadOne(string path, string workingDirectory, List<InputProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            problems.Add(new InputProblem("--bindings", 0, 0, "empty bindings path", Hint));
            return null;
        }

        var fullPath = Path.GetFullPath(path, workingDirectory);
        if (!File.Exists(fullPath))
        {
            problems.Add(new InputProblem(path, 0, 0, "bindings assembly not found", Hint));
            return null;
        }

        EnsureDependenciesResolvable(fullPath);
        Assembly assembly;
        try
        {
            assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
        }
        catch (BadImageFormatException)
        {
            problems.Add(new InputProblem(path, 0, 0, "not a .NET assembly", Hint));
            return null;
        }
        catch (FileLoadException exception)
        {
            problems.Add(new InputProblem(path, 0, 0, $"cannot load bindings assembly: {exception.Message}", "an assembly of the same name may already be loaded from another folder; pass each binding assembly once"));
            return null;
        }

        if (!assembly.GetReferencedAssemblies().Any(reference => string.Equals(reference.Name, "Reqnroll", StringComparison.Ordinal)))
        {
            problems.Add(new InputProblem(path, 0, 0, "this assembly does not reference Reqnroll, so it holds no step bindings", Hint));
            return null;
        }

        return assembly;
    }

    private static void EnsureDependenciesResolvable(string assemblyPath)
    {
        ResolversByAssemblyPath.GetOrAdd(assemblyPath, CreateResolver);
        if (Interlocked.Exchange(ref _resolvingHooked, 1) == 0)
        {
            AssemblyLoadContext.Default.Resolving += ResolveFromBindingFolders;
        }
    }

    private static AssemblyDependencyResolver? CreateResolver(string assemblyPath)
    {
        try
        {
            return new AssemblyDependencyResolver(assemblyPath);
        }
        catch (InvalidOperationException)
        {
            // No usable .deps.json: the folder probe below still finds dependencies copied next to the DLL.
            return null;
        }
    }

    /// <summary>Only asked for assemblies the harness itself does not carry (those, Reqnroll included, are shared).</summary>
    private static Assembly? ResolveFromBindingFolders(AssemblyLoadContext context, AssemblyName name)
    {
        foreach (var (assemblyPath, resolver) in ResolversByAssemblyPath)
        {
            var resolved = resolver?.ResolveAssemblyToPath(name);
            if (resolved is not null && File.Exists(resolved))
            {
                return context.LoadFromAssemblyPath(resolved);
            }

            var besideBindings = Path.Combine(Path.GetDirectoryName(assemblyPath)!, name.Name + ".dll");
            if (File.Exists(besideBindings))
            {
                return context.LoadFromAssemblyPath(besideBindings);
            }
        }

        return null;
    }
}
