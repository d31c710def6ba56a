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

    [KernelFunction, Description("Gets the balance")]
    public decimal Balance(string account)
    {
        logger.LogInformation("balance requested");
        return 0m;
    }
}

public class BankingAgent(Kernel kernel, IChatClient inner, ILogger<BankingAgent> logger)
{
    public async Task<string> AskAsync(string question)
    {
        var settings = new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }; // expect: AC0015
        var answer = await kernel.InvokePromptAsync(question, new KernelArguments(settings));
        return answer.ToString();
    }

    public IChatClient Client() => new ChatClientBuilder(inner).UseFunctionInvocation().Build(); // expect: AC0015

    public ChatOptions Options() => new ChatOptions
    {
        Tools = [AIFunctionFactory.Create(RefundOrder, "refund_order", "Refunds a customer's order")],
    };

    private string RefundOrder(string orderId)
    {
        logger.LogInformation("refund requested");
        return "refunded";
    }
}
