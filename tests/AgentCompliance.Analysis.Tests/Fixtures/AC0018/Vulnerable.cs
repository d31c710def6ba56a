using System.ComponentModel;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using ModelContextProtocol.Server;

public class TicketPlugin(ITicketStore store)
{
    [KernelFunction, Description("Closes a ticket")]
    public Task CloseAsync(string ticketId) => store.CloseAsync(ticketId); // expect: AC0018

    [KernelFunction, Description("Reassigns a ticket")]
    public async Task ReassignAsync(string ticketId, string owner) // expect: AC0018
    {
        await store.AssignAsync(ticketId, owner);
    }
}

[McpServerToolType]
public static class InventoryTools
{
    [McpServerTool(Name = "reserve_stock"), Description("Reserves stock")]
    public static int Reserve(IInventory inventory, string sku, int quantity) => inventory.Reserve(sku, quantity); // expect: AC0018
}

public static class LookupTools
{
    public static AIFunction Lookup(IDirectory directory) =>
        AIFunctionFactory.Create((string name) => directory.Find(name), "lookup_person"); // expect: AC0018
}
