using Spectre.Console;

namespace AgentCompliance.Cli.Output;

/// <summary>
/// A Spectre.Console console over the writer a command was given. Only a real terminal gets colours and ANSI
/// codes; redirected output, test writers and NO_COLOR get plain text that diffs and greps cleanly.
/// </summary>
internal static class TerminalConsole
{
    // Wide enough that long MAESTRO threat IDs stay on one line when nobody is looking at a terminal.
    private const int RedirectedWidth = 200;

    public static IAnsiConsole For(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var isTerminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var plain = !isTerminal || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
        });
        if (!isTerminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
