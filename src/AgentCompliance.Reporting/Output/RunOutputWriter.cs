using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Core.Results;
using AgentCompliance.Reporting.Sarif;

namespace AgentCompliance.Reporting.Output;

/// <summary>
/// Writes every machine-readable output of a run into one folder (<c>--out DIR</c>), each file replaced atomically.
/// Safe to call again with a newer result: checkpoints and the final write go through here.
/// </summary>
public sealed class RunOutputWriter
{
    public RunOutputWriter(string outputDirectory, IReadOnlyList<IRunResultFileWriter>? writers = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        OutputDirectory = Path.GetFullPath(outputDirectory);
        Writers = writers ?? CreateDefaultWriters();
        var duplicate = Writers.GroupBy(w => w.FileName, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"two writers produce {duplicate.Key}", nameof(writers));
        }
    }

    public string OutputDirectory { get; }

    public IReadOnlyList<IRunResultFileWriter> Writers { get; }

    /// <summary>results.json, junit.xml and results.sarif.</summary>
    /// <param name="sarif">Catalog and artifact paths for results.sarif; the built-in catalog and feature-root paths when null.</param>
    public static IReadOnlyList<IRunResultFileWriter> CreateDefaultWriters(RunSarifOptions? sarif = null) =>
        [new ResultsJsonFileWriter(), new JUnitXmlFileWriter(), new SarifFileWriter(sarif)];

    /// <summary>Writes every output; returns the full paths written.</summary>
    /// <exception cref="CouldNotRunException">The folder cannot be created or a file cannot be written.</exception>
    public IReadOnlyList<string> Write(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        try
        {
            Directory.CreateDirectory(OutputDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CouldNotRunException($"cannot create output folder {OutputDirectory}: {e.Message}", e);
        }

        var written = new List<string>(Writers.Count);
        foreach (var writer in Writers)
        {
            var path = Path.Combine(OutputDirectory, writer.FileName);
            try
            {
                AtomicFile.Write(path, stream => writer.Write(result, stream));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CouldNotRunException($"cannot write {path}: {e.Message}", e);
            }

            written.Add(path);
        }

        return written;
    }
}
