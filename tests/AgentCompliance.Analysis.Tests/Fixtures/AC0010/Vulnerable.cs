using System.ComponentModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

public class DocumentPlugin(ILogger<DocumentPlugin> logger)
{
    private const string Root = "/srv/agent-docs";

    [KernelFunction, Description("Reads a document")]
    public string Read(string name)
    {
        logger.LogInformation("read {Name}", name);
        var path = Path.Combine(Root, name);
        return File.ReadAllText(path); // expect: AC0010
    }

    [KernelFunction, Description("Archives a document")]
    public void Archive(string source, string destination)
    {
        logger.LogInformation("archive {Source}", source);
        File.Move($"{Root}/{source}", destination); // expect: AC0010, AC0010
    }

    [KernelFunction]
    public long Size(string file)
    {
        logger.LogInformation("size {File}", file);
        return new FileInfo(Root + "/" + file).Length; // expect: AC0010
    }
}

public static class Tools
{
    public static AIFunction Delete(ILogger logger) => AIFunctionFactory.Create((string path) =>
    {
        logger.LogInformation("delete requested");
        File.Delete(path); // expect: AC0010
    }, "remove_document");
}
