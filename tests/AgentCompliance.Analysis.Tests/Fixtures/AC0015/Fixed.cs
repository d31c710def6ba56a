using System.ComponentModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;

public class BankingPlugin(ILogger<BankingPlugin> logger)
{
    [KernelFunction("transfer_funds"), Description("Moves money between accounts")]
    public string Transfer(string from, string to, decimal amount)
    {
        logger.LogInformation("transfer {Amount}", amount);
        return "done";
    }
}

// Every automatic call to a sensitive function needs a human's yes first.
public sealed class ApprovalFilter(IApprovalService approvals, ILogger<ApprovalFilter> logger) : IAutoFunctionInvocationFilter
{
    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        logger.LogInformation("tool {Name} requested", context.Function.Name);
        if (await approvals.ApproveAsync(context.Function.Name, context.Arguments))
        {
            await next(context);
        }
        else
        {
            context.Terminate = true;
        }
    }
}

public class BankingAgent(Kernel kernel)
{
    public async Task<string> AskAsync(string question)
    {
        var settings = new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
        var answer = await kernel.InvokePromptAsync(question, new KernelArguments(settings));
        return answer.ToString();
    }
}
