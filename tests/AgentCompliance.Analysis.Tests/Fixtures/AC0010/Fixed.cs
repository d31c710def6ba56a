using System.ComponentModel;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

public class DocumentPlugin(ILogger<DocumentPlugin> logger)
{
    private const string Root = "/srv/agent-docs/";

    [KernelFunction, Description("Reads a document")]
    public string Read(string name)
    {
        logger.LogInformation("read {Name}", name);
        var full = Path.GetFullPath(Path.Combine(Root, name));
        if (!full.StartsWith(Root, StringComparison.Ordinal))
        {
            throw new ArgumentException("outside the document folder", nameof(name));
        }

        return File.ReadAllText(full);
    }

    [KernelFunction, Description("Reads a document by file name only")]
    public string ReadByName(string name)
    {
        logger.LogInformation("read {Name}", name);
        return File.ReadAllText(Path.Combine(Root, Path.GetFileName(name)));
    }

    [KernelFunction, Description("Reads page N of the handbook")]
    public string Page(int number)
    {
        logger.LogInformation("page {Number}", number);
        return File.ReadAllText(Path.Combine(Root, $"handbook-{number}.md"));
    }
}
