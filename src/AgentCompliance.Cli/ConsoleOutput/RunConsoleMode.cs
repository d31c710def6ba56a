namespace AgentCompliance.Cli.ConsoleOutput;

/// <summary>How run progress is shown.</summary>
public enum RunConsoleMode
{
    /// <summary>A live progress bar on an interactive terminal; only scenarios that did not pass get their own line.</summary>
    Live,

    /// <summary>One line per finished scenario, no cursor movement: logs, pipes, CI, <c>NO_COLOR</c>.</summary>
    Plain,
}
