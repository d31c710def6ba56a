using System.Runtime.CompilerServices;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace AgentCompliance.Analysis.Loading;

/// <summary>
/// Loads a solution or project through MSBuildWorkspace (a design-time evaluation in Roslyn's build host: nothing is
/// compiled or executed into an output). MSBuild is located once per process from the installed .NET SDK.
/// </summary>
internal static class MSBuildCodeLoader
{
    private static readonly Lock RegistrationLock = new();

    /// <summary>
    /// Compilations of the projects, or null with a reason when MSBuild could not load them (no matching SDK,
    /// unreadable project, no C# documents); the caller then falls back to folder mode.
    /// </summary>
    public static IReadOnlyList<Compilation>? TryLoad(string path, bool isSolution, List<string> warnings, CancellationToken cancellationToken, out string? failure)
    {
        failure = null;
        try
        {
            EnsureMSBuildRegistered();
            return LoadWithWorkspace(path, isSolution, warnings, cancellationToken, out failure);
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or UnauthorizedAccessException
            or ArgumentException or NotSupportedException or FormatException or AggregateException or TypeLoadException or FileNotFoundException)
        {
            failure = exception.Message;
            return null;
        }
    }

    private static void EnsureMSBuildRegistered()
    {
        lock (RegistrationLock)
        {
            if (!MSBuildLocator.IsRegistered && MSBuildLocator.CanRegister)
            {
                MSBuildLocator.RegisterDefaults();
            }
        }
    }

    // Kept out of line so no MSBuild type is touched before the locator has registered the SDK's assemblies.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IReadOnlyList<Compilation>? LoadWithWorkspace(string path, bool isSolution, List<string> warnings, CancellationToken cancellationToken, out string? failure)
    {
        failure = null;
        using var workspace = MSBuildWorkspace.Create();
        var problems = new List<string>();
        using var subscription = workspace.RegisterWorkspaceFailedHandler(args =>
        {
            if (args.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
            {
                problems.Add(args.Diagnostic.Message);
            }
        });

        var projects = isSolution
            ? workspace.OpenSolutionAsync(path, cancellationToken: cancellationToken).GetAwaiter().GetResult().Projects.ToList()
            : [workspace.OpenProjectAsync(path, cancellationToken: cancellationToken).GetAwaiter().GetResult()];

        var compilations = new List<Compilation>();
        foreach (var project in projects.Where(project => project.Language == LanguageNames.CSharp))
        {
            var compilation = project.GetCompilationAsync(cancellationToken).GetAwaiter().GetResult();
            if (compilation is not null && compilation.SyntaxTrees.Any())
            {
                compilations.Add(compilation);
            }
        }

        // Design-time problems (e.g. packages not restored) leave partial references: rules then use syntax.
        foreach (var problem in problems.Distinct(StringComparer.Ordinal).Take(20))
        {
            warnings.Add($"MSBuild: {problem}");
        }

        if (compilations.Count == 0)
        {
            failure = problems.Count > 0 ? problems[0] : "no C# project with source files was loaded";
            return null;
        }

        return compilations;
    }
}
