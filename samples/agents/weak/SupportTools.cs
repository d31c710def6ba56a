using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using ModelContextProtocol.Server;

namespace SupportDesk;

/// <summary>Tools the support agent exposes over MCP.</summary>
[McpServerToolType]
public sealed class SupportTools(SqlConnection orders, ILogger<SupportTools> logger)
{
    private const string AttachmentRoot = "/srv/support/attachments";

    [McpServerTool, Description("Looks up an order by its number")]
    public async Task<string?> LookupOrder(string orderNumber)
    {
        logger.LogInformation("order lookup requested");
        using var command = new SqlCommand($"SELECT Status FROM Orders WHERE Number = '{orderNumber}'", orders); // planted: AC0012 tool argument in SQL
        return (string?)await command.ExecuteScalarAsync();
    }

    [McpServerTool, Description("Reads a file attached to a ticket")]
    public string ReadAttachment(string fileName)
    {
        logger.LogInformation("attachment requested");
        return File.ReadAllText(Path.Combine(AttachmentRoot, fileName)); // planted: AC0010 tool argument as a file path
    }

    [McpServerTool, Description("Checks whether a customer's host answers")]
    public string Ping(string host)
    {
        logger.LogInformation("ping requested");
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", "-c \"ping -c 1 " + host + "\"") { RedirectStandardOutput = true })!; // planted: AC0008 process started from a tool
        return process.StandardOutput.ReadToEnd();
    }
}

/// <summary>Refunds the agent may issue on its own judgement.</summary>
public sealed class RefundPlugin(ILogger<RefundPlugin> logger)
{
    [KernelFunction("issue_refund"), Description("Refunds an order to the customer's card")]
    public string IssueRefund(string orderNumber, decimal amount)
    {
        logger.LogInformation("refund of {Amount} requested", amount);
        return $"refund queued for {orderNumber}";
    }
}
