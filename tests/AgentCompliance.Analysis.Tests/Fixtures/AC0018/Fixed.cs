using System.ComponentModel;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using ModelContextProtocol.Server;

public class TicketPlugin(ITicketStore store, ILogger<TicketPlugin> logger)
{
    [KernelFunction, Description("Closes a ticket")]
    public async Task CloseAsync(string ticketId)
    {
        logger.LogInformation("Closing ticket {TicketId}", ticketId);
        await store.CloseAsync(ticketId);
    }

    [KernelFunction, Description("Reassigns a ticket")]
    public async Task ReassignAsync(string ticketId, string owner)
    {
        Audit(ticketId, owner);
        await store.AssignAsync(ticketId, owner);
    }

    private void Audit(string ticketId, string owner) => logger.LogInformation("Reassigning {TicketId} to {Owner}", ticketId, owner);
}

[McpServerToolType]
public static class InventoryTools
{
    [McpServerTool(Name = "reserve_stock"), Description("Reserves stock")]
    public static int Reserve(IInventory inventory, IAuditLog auditLog, string sku, int quantity)
    {
        auditLog.Record("reserve_stock", sku, quantity);
        return inventory.Reserve(sku, quantity);
    }
}
