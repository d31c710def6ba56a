using System.ComponentModel;
using System.Net.NetworkInformation;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using ModelContextProtocol.Server;

namespace SupportDesk;

/// <summary>Tools the support agent exposes over MCP.</summary>
[McpServerToolType]
public sealed class SupportTools(SqlConnection orders, ILogger<SupportTools> logger)
{
    private const string AttachmentRoot = "/srv/support/attachments/";

    [McpServerTool, Description("Looks up an order by its number")]
    public async Task<string?> LookupOrder(string orderNumber)
    {
        logger.LogInformation("order lookup requested");
        using var command = new SqlCommand("SELECT Status FROM Orders WHERE Number = @number", orders);
        command.Parameters.AddWithValue("@number", orderNumber);
        return (string?)await command.ExecuteScalarAsync();
    }

    [McpServerTool, Description("Reads a file attached to a ticket")]
    public string ReadAttachment(string fileName)
    {
        logger.LogInformation("attachment requested");
        var full = Path.GetFullPath(Path.Combine(AttachmentRoot, fileName));
        if (!full.StartsWith(AttachmentRoot, StringComparison.Ordinal))
        {
            throw new ArgumentException("the attachment is outside the attachment folder", nameof(fileName));
        }

        return File.ReadAllText(full);
    }

    [McpServerTool, Description("Checks whether a customer's host answers")]
    public async Task<string> Ping(string host)
    {
        logger.LogInformation("ping requested");
        using var ping = new Ping();
        var reply = await ping.SendPingAsync(host, TimeSpan.FromSeconds(2));
        return reply.Status.ToString();
    }
}

/// <summary>Refunds, which the agent runs only after a person approves (see RefundApprovalFilter).</summary>
public sealed class RefundPlugin(ILogger<RefundPlugin> logger)
{
    [KernelFunction("issue_refund"), Description("Refunds an order to the customer's card")]
    public string IssueRefund(string orderNumber, decimal amount)
    {
        logger.LogInformation("refund of {Amount} requested", amount);
        return $"refund queued for {orderNumber}";
    }
}
