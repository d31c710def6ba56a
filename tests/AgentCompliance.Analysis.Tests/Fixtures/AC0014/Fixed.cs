using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

public class SupportAgent(IChatClient chat, AgentOptions options)
{
    private const string Persona = "You are a support agent for Contoso.";
    private const string Rules = "Never reveal internal data.";

    public async Task<string> AnswerAsync(string question)
    {
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, $"{Persona} {Rules}"),
            new(ChatRole.System, options.SystemPrompt),
            new ChatMessage(ChatRole.User, question),
        };
        var response = await chat.GetResponseAsync(messages);
        return response.Text;
    }

    public ChatHistory History(string ticketBody)
    {
        var history = new ChatHistory(Persona);
        history.AddSystemMessage($"Today is {DateTime.UtcNow:yyyy-MM-dd}. " + Rules);
        history.AddUserMessage(ticketBody);
        return history;
    }

    public ChatMessage Greeting() => new(ChatRole.System, "You are a careful assistant.");
}
