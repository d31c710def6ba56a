using Microsoft.Extensions.AI;

public class ResearchAgent(IChatClient chat)
{
    private const int MaxTurns = 8;

    public async Task<string> RunAsync(string goal, CancellationToken cancellationToken)
    {
        var messages = new List<ChatMessage> { new(ChatRole.User, goal) };
        var turns = 0;
        while (true)
        {
            if (++turns > MaxTurns)
            {
                throw new InvalidOperationException("the agent did not finish within its turn budget");
            }

            var response = await chat.GetResponseAsync(messages, cancellationToken: cancellationToken);
            messages.AddRange(response.Messages);
            if (response.Text.Contains("DONE", StringComparison.Ordinal))
            {
                return response.Text;
            }
        }
    }

    public async Task PollAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await chat.GetResponseAsync("status?", cancellationToken: cancellationToken);
        }
    }

    public static FunctionInvokingChatClient Configure(FunctionInvokingChatClient client)
    {
        client.MaximumIterationsPerRequest = 10;
        return client;
    }
}
