using AgentCompliance.Core.Diagnostics;
using Microsoft.CodeAnalysis;

namespace AgentCompliance.Analysis.Loading;

/// <summary>
/// Turns a path into compilations: a <c>.sln</c>/<c>.slnx</c> or <c>.csproj</c> through MSBuild (falling back to the
/// folder of the file, with a warning, when MSBuild cannot load it), a folder or a single <c>.cs</c> file as an ad-hoc
/// compilation. The analysed code is never built or run.
/// </summary>
public static class CodebaseLoader
{
    private const string PathHint = "give a .sln, .slnx, .csproj, a .cs file or a folder of C# files";

    /// <exception cref="InvalidInputException">The path does not exist, is of an unsupported kind, or holds no C# file.</exception>
    /// <exception cref="CouldNotRunException">MSBuild failed and the project's folder has no C# file either, or files could not be read.</exception>
    public static LoadedCodebase Load(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            return LoadFolder(fullPath, [], cancellationToken);
        }

        if (!File.Exists(fullPath))
        {
            throw new InvalidInputException(new InputProblem(path, 0, 0, "path does not exist", PathHint));
        }

        var directory = Path.GetDirectoryName(fullPath) ?? fullPath;
        var extension = Path.GetExtension(fullPath).ToLowerInvariant();
        switch (extension)
        {
            case ".cs":
                return Guard(() => new LoadedCodebase(directory, LoadMode.Folder, [FolderCompilationBuilder.Build([fullPath], cancellationToken)], []), path);
            case ".sln" or ".slnx" or ".csproj":
                return LoadWithMSBuild(fullPath, directory, extension != ".csproj", cancellationToken);
            default:
                throw new InvalidInputException(new InputProblem(path, 0, 0, $"cannot analyse a '{extension}' file", PathHint));
        }
    }

    private static LoadedCodebase LoadWithMSBuild(string fullPath, string directory, bool isSolution, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        var compilations = MSBuildCodeLoader.TryLoad(fullPath, isSolution, warnings, cancellationToken, out var failure);
        if (compilations is not null)
        {
            return new LoadedCodebase(directory, isSolution ? LoadMode.Solution : LoadMode.Project, compilations, warnings);
        }

        warnings.Add($"MSBuild could not load {Path.GetFileName(fullPath)} ({failure}); analysing the C# files under its folder instead, with framework references only");
        try
        {
            return LoadFolder(directory, warnings, cancellationToken);
        }
        catch (InvalidInputException)
        {
            throw new CouldNotRunException($"could not load {Path.GetFileName(fullPath)}: {failure}; and its folder has no C# files to fall back to");
        }
    }

    private static LoadedCodebase LoadFolder(string directory, List<string> warnings, CancellationToken cancellationToken)
    {
        var files = Guard(() => FolderCompilationBuilder.FindSourceFiles(directory), directory);
        if (files.Count == 0)
        {
            throw new InvalidInputException(new InputProblem(directory, 0, 0, "no C# files found (bin/ and obj/ are skipped)", PathHint));
        }

        return Guard(() => new LoadedCodebase(directory, LoadMode.Folder, [FolderCompilationBuilder.Build(files, cancellationToken)], warnings), directory);
    }

    private static T Guard<T>(Func<T> load, string path)
    {
        try
        {
            return load();
        }
        catch (Exception exception) when (IsReadFailure(exception))
        {
            var cause = exception is AggregateException aggregate ? aggregate.InnerExceptions[0] : exception;
            throw new CouldNotRunException($"could not read C# files under {path}: {cause.Message}", exception);
        }
    }

    // Files are parsed in parallel, so a read failure may arrive wrapped.
    private static bool IsReadFailure(Exception exception) => exception switch
    {
        IOException or UnauthorizedAccessException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsReadFailure),
        _ => false,
    };
}
