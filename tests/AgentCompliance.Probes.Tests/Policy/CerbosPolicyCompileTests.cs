using System.Diagnostics;
using AgentCompliance.TestServers.Cerbos;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Policy;

/// <summary>
/// The policies the tests serve are what they claim: Cerbos' own compiler accepts both folders and runs the hardened
/// folder's policy tests (default deny, per-agent allow-lists, denial after a sensitive action), all of which pass.
/// </summary>
[TestFixture]
public sealed class CerbosPolicyCompileTests
{
    [TestCase("hardened", "[25 OK]")]
    [TestCase("weak", "0 tests executed")]
    public async Task The_policy_folder_compiles_and_its_policy_tests_pass(string folder, string expected)
    {
        var (exitCode, output) = await CompileAsync(CerbosServer.PolicyFolder(folder));

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, output);
            Assert.That(output, Does.Contain(expected));
            Assert.That(output, Does.Not.Contain("FAILED"));
        });
    }

    private static async Task<(int ExitCode, string Output)> CompileAsync(string folder)
    {
        var info = new ProcessStartInfo(CerbosServer.Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("compile");
        info.ArgumentList.Add("--no-color");
        info.ArgumentList.Add(folder);
        info.Environment.Clear();
        info.Environment["CERBOS_NO_TELEMETRY"] = "1";
        info.Environment["HOME"] = Path.GetTempPath();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
