using Spectre.Console;

namespace AgentCompliance.Cli.ConsoleOutput;

/// <summary>
/// Creates the console a command renders to (tables, progress), on the command's own <see cref="TextWriter"/> (so tests capture it),
/// and decides between live and plain output.
/// </summary>
public static class CommandConsole
{
    /// <summary>
    /// Width used when the output is not a terminal: wide enough that a scenario line is never wrapped in a log,
    /// where a wrapped line breaks grep.
    /// </summary>
    public const int NonTerminalWidth = 240;

    /// <param name="output">The command's output writer.</param>
    /// <param name="getEnvironmentVariable">Environment lookup (for <c>NO_COLOR</c>); the process environment unless given.</param>
    public static IAnsiConsole Create(TextWriter output, Func<string, string?>? getEnvironmentVariable = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        return Create(new AnsiConsoleOutput(output), getEnvironmentVariable ?? Environment.GetEnvironmentVariable);
    }

    /// <summary>Seam for tests: a writer that claims to be a terminal.</summary>
    internal static IAnsiConsole Create(IAnsiConsoleOutput output, Func<string, string?> getEnvironmentVariable)
    {
        var noColor = IsNoColorSet(getEnvironmentVariable);
        var terminal = output.IsTerminal;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = output,
            Ansi = terminal && !noColor ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = noColor ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = terminal && !noColor ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = NonTerminalWidth;
        }

        return console;
    }

    /// <summary>Live progress only where it can redraw in place: an interactive terminal that understands ANSI.</summary>
    public static RunConsoleMode ChooseMode(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var capabilities = console.Profile.Capabilities;
        return capabilities.Ansi && capabilities.Interactive ? RunConsoleMode.Live : RunConsoleMode.Plain;
    }

    // https://no-color.org: set and not empty means no colour, whatever the value.
    private static bool IsNoColorSet(Func<string, string?> getEnvironmentVariable) =>
        !string.IsNullOrEmpty(getEnvironmentVariable("NO_COLOR"));
}
