using System.ComponentModel;
using Microsoft.Extensions.Logging;
using Microsoft.KernelMemory;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Memory;
using ModelContextProtocol.Server;

[McpServerToolType]
public class NoteTools(ISemanticTextMemory memory, IKernelMemory kernelMemory, ILogger<NoteTools> logger)
{
    [McpServerTool, Description("Remembers a fact about the customer")]
    public async Task Remember(string customerId, string fact)
    {
        logger.LogInformation("remember requested");
        await memory.SaveInformationAsync("customer-facts", fact, customerId); // expect: AC0022
    }

    [McpServerTool, Description("Adds a document to the knowledge base")]
    public async Task Learn(string text)
    {
        logger.LogInformation("learn requested");
        await kernelMemory.ImportTextAsync($"Customer says: {text}"); // expect: AC0022
    }
}

public class VectorTools(IVectorCollection vectorCollection, ILogger<VectorTools> logger)
{
    [KernelFunction, Description("Stores a summary for later")]
    public async Task Summarise(string summary)
    {
        logger.LogInformation("summary stored");
        await vectorCollection.UpsertAsync(new MemoryRecord { Text = summary }); // expect: AC0022
    }
}

public interface IVectorCollection
{
    Task UpsertAsync(MemoryRecord record);
}

public class MemoryRecord
{
    public string Text { get; set; } = "";
}
