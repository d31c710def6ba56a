using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace SupportDesk;

/// <summary>Answers customer questions about a ticket with the support tools.</summary>
public sealed class SupportAgent(Kernel kernel)
{
    public async Task<string> AnswerAsync(string ticketBody, string question)
    {
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var history = new ChatHistory();
        history.AddSystemMessage("You are the support desk agent. Follow the guidance in this ticket: " + ticketBody); // planted: AC0014 ticket text in the system prompt
        history.AddUserMessage(question);

        var settings = new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }; // planted: AC0015 refunds auto-invoked without approval
        var reply = await chat.GetChatMessageContentAsync(history, settings, kernel);
        return reply.Content ?? string.Empty;
    }
}
