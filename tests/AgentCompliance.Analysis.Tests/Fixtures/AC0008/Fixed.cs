using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

public class DiagnosticsPlugin(ILogger<DiagnosticsPlugin> logger)
{
    [KernelFunction, Description("Reports free disk space")]
    public string Disk()
    {
        logger.LogInformation("disk usage requested");
        var drive = new DriveInfo("/");
        return $"{drive.AvailableFreeSpace} bytes free";
    }
}

// Not a tool: an operator-run maintenance job may start processes.
public static class Maintenance
{
    public static void Restart() => Process.Start("systemctl", "restart agent-gateway");
}
