using System.Text.RegularExpressions;

namespace AgentCompliance.Tests;

/// <summary>Fails when a secret or any JWT (an issued token) appears in a folder's files or in console output; linked into the test projects that run the platform.</summary>
internal static partial class LeakCheck
{
    public static void AssertNothingLeaks(string folder, string console, IEnumerable<string> secrets)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToList();
        Assert.That(files, Is.Not.Empty, "the run wrote no output files");
        var texts = files.Select(f => (Name: Path.GetFileName(f), Text: File.ReadAllText(f))).Append(("console output", console)).ToList();
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)))
        {
            foreach (var (name, text) in texts)
            {
                Assert.That(text, Does.Not.Contain(secret), $"a secret leaked into {name}");
            }
        }

        foreach (var (name, text) in texts)
        {
            Assert.That(JsonWebToken().IsMatch(text), Is.False, $"a JWT (an issued token) appears in {name}");
        }
    }

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.")]
    private static partial Regex JsonWebToken();
}
