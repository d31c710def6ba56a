using System.ComponentModel;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Memory;
using ModelContextProtocol.Server;

[McpServerToolType]
public class NoteTools(IReviewQueue reviews, ILogger<NoteTools> logger)
{
    // The model may only propose a memory; a person or a validation job decides whether it is stored.
    [McpServerTool, Description("Proposes a fact about the customer for review")]
    public async Task Propose(string customerId, string fact)
    {
        logger.LogInformation("memory proposed");
        await reviews.EnqueueAsync(customerId, fact);
    }
}

public class OrderTools(IOrderRepository orders, ILogger<OrderTools> logger)
{
    // An ordinary repository upsert is not agent memory.
    [KernelFunction, Description("Updates an order's note")]
    public async Task Note(string orderId, string note)
    {
        logger.LogInformation("order note updated");
        await orders.UpsertAsync(orderId, note);
    }
}

/// <summary>Stores reviewed facts; not a tool, so the model never calls it.</summary>
public class ReviewedMemoryWriter(ISemanticTextMemory memory)
{
    public Task StoreAsync(string customerId, string reviewedFact) =>
        memory.SaveInformationAsync("customer-facts", reviewedFact, customerId);
}

public interface IReviewQueue
{
    Task EnqueueAsync(string customerId, string fact);
}

public interface IOrderRepository
{
    Task UpsertAsync(string orderId, string note);
}
