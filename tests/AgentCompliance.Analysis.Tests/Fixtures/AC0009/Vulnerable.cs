using System.ComponentModel;
using System.Reflection;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

public class CalculatorPlugin(ILogger<CalculatorPlugin> logger)
{
    [KernelFunction, Description("Evaluates a C# expression")]
    public async Task<object> Evaluate(string expression)
    {
        logger.LogInformation("evaluate requested");
        return await CSharpScript.EvaluateAsync(expression); // expect: AC0009
    }

    [KernelFunction, Description("Loads an extension")]
    public string LoadExtension(string base64)
    {
        logger.LogInformation("extension requested");
        return Install(Convert.FromBase64String(base64));
    }

    private static string Install(byte[] image)
    {
        var assembly = Assembly.Load(image); // expect: AC0009
        return assembly.FullName!;
    }

    [KernelFunction, Description("Creates a handler")]
    public object CreateHandler(string typeName)
    {
        logger.LogInformation("handler requested");
        var type = Type.GetType(typeName); // expect: AC0009
        return Activator.CreateInstance("Handlers", typeName)!; // expect: AC0009
    }
}
