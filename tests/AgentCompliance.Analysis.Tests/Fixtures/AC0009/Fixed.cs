using System.ComponentModel;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

public class CalculatorPlugin(ILogger<CalculatorPlugin> logger)
{
    private static readonly Dictionary<string, Func<IHandler>> Handlers = new()
    {
        ["csv"] = () => new CsvHandler(),
        ["json"] = () => new JsonHandler(),
    };

    [KernelFunction, Description("Adds two numbers")]
    public double Add(double left, double right)
    {
        logger.LogInformation("add requested");
        return left + right;
    }

    [KernelFunction, Description("Creates a handler by well-known name")]
    public IHandler CreateHandler(string kind)
    {
        logger.LogInformation("handler {Kind} requested", kind);
        return Handlers.TryGetValue(kind, out var factory) ? factory() : throw new ArgumentException("unknown handler", nameof(kind));
    }

    // Not a tool: built-in handlers are created by type at start-up.
    public static object Create() => Activator.CreateInstance(typeof(CsvHandler))!;
}
