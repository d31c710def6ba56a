using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using ModelContextProtocol.Server;

public class ShellPlugin(ILogger<ShellPlugin> logger)
{
    [KernelFunction, Description("Runs a diagnostic command")]
    public string RunDiagnostic(string command)
    {
        logger.LogInformation("diagnostic requested");
        var process = Process.Start("/bin/sh", "-c " + command); // expect: AC0008
        return process!.StandardOutput.ReadToEnd();
    }

    [KernelFunction]
    public string Disk()
    {
        logger.LogInformation("disk usage requested");
        return Execute("df -h");
    }

    private static string Execute(string commandLine)
    {
        var info = new ProcessStartInfo("bash", commandLine) { RedirectStandardOutput = true };
        using var process = new Process { StartInfo = info };
        process.Start(); // expect: AC0008
        return process.StandardOutput.ReadToEnd();
    }
}

[McpServerToolType]
public static class BuildTools
{
    [McpServerTool, Description("Builds the repository")]
    public static async Task<string> Build(ILogger logger, string target)
    {
        logger.LogInformation("build {Target}", target);
        var result = await Cli.Wrap("dotnet").WithArguments(["build", target]).ExecuteAsync(); // expect: AC0008
        return result.ToString()!;
    }
}
