namespace AgentCompliance.Cli.Tests;

/// <summary>Locates committed files of the repository (docs) from the test output folder.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AgentCompliance.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("AgentCompliance.sln not found above the test folder");
    }
}
