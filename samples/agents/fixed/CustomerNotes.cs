using System.ComponentModel;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Memory;

namespace SupportDesk;

/// <summary>Lets the agent propose notes about customers; only reviewed notes reach memory.</summary>
public sealed class CustomerNotesPlugin(INoteReviewQueue reviews, ILogger<CustomerNotesPlugin> logger)
{
    [KernelFunction("propose_customer_note"), Description("Proposes a note about the customer for a person to review")]
    public async Task ProposeAsync(string customerId, string note)
    {
        logger.LogInformation("customer note proposed for review");
        await reviews.EnqueueAsync(customerId, note);
    }
}

/// <summary>Stores notes a person has reviewed, with their source; never offered to the model as a tool.</summary>
public sealed class ReviewedNoteWriter(ISemanticTextMemory memory)
{
    public Task StoreAsync(string customerId, string reviewedNote, string reviewer) =>
        memory.SaveInformationAsync("customer-notes", reviewedNote, customerId, description: $"reviewed by {reviewer}");
}

/// <summary>Where proposed notes wait for review.</summary>
public interface INoteReviewQueue
{
    Task EnqueueAsync(string customerId, string note);
}
