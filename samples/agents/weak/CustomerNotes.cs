using System.ComponentModel;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Memory;

namespace SupportDesk;

/// <summary>Lets the agent remember what customers tell it, for later conversations.</summary>
public sealed class CustomerNotesPlugin(ISemanticTextMemory memory, ILogger<CustomerNotesPlugin> logger)
{
    [KernelFunction("remember_customer_note"), Description("Remembers a note about the customer for later conversations")]
    public async Task RememberAsync(string customerId, string note)
    {
        logger.LogInformation("customer note stored");
        await memory.SaveInformationAsync("customer-notes", note, customerId); // planted: AC0022 model-chosen text stored as trusted memory
    }
}
