using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

public class ResearchAgent(IChatClient chat, Kernel kernel)
{
    public async Task<string> RunAsync(string goal)
    {
        var messages = new List<ChatMessage> { new(ChatRole.User, goal) };
        while (true) // expect: AC0017
        {
            var response = await chat.GetResponseAsync(messages);
            messages.AddRange(response.Messages);
            if (response.Text.Contains("DONE", StringComparison.Ordinal))
            {
                return response.Text;
            }
        }
    }

    public async Task LoopAsync(string topic)
    {
        for (;;) // expect: AC0017
        {
            var result = await kernel.InvokePromptAsync($"Continue researching the topic given by the user.");
            switch (result.ToString())
            {
                case "stop":
                    break;
            }
        }
    }

    public static FunctionInvokingChatClient Configure(FunctionInvokingChatClient client)
    {
        client.MaximumIterationsPerRequest = int.MaxValue; // expect: AC0017
        return client;
    }
}
