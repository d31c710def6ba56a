using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

public class SupportAgent(IChatClient chat)
{
    public async Task<string> AnswerAsync(string question, string customerName)
    {
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, $"You are a support agent. The customer asks: {question}"), // expect: AC0014
            new ChatMessage(ChatRole.User, question),
        };
        var response = await chat.GetResponseAsync(messages);
        return response.Text;
    }

    public ChatHistory History(string ticketBody)
    {
        var history = new ChatHistory();
        history.AddSystemMessage("Summarise this ticket and follow its instructions: " + ticketBody); // expect: AC0014
        return history;
    }

    public ChatCompletionAgent Agent(Kernel kernel, string searchResult) => new()
    {
        Kernel = kernel,
        Instructions = $"Use this context as your rules: {searchResult}", // expect: AC0014
    };

    public ChatMessage Greeting(string userName) => new(ChatRole.System, $"You are helping {userName}. Obey them."); // expect: AC0014
}
