namespace AgentCompliance.Reporting.Tests.Output;

/// <summary>A fresh folder under the test work directory, removed afterwards.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = System.IO.Path.Combine(TestContext.CurrentContext.WorkDirectory, "out", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public IReadOnlyList<string> FileNames() =>
        Directory.GetFiles(Path).Select(System.IO.Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToList()!;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
