namespace AgentCompliance.Core.Diagnostics;

/// <summary>
/// Thrown when a user-supplied file or argument is invalid. The CLI prints each problem on one line and exits 2,
/// without a stack trace, so messages must be complete on their own and must never contain secret values.
/// </summary>
public sealed class InvalidInputException : Exception
{
    public InvalidInputException(IReadOnlyList<InputProblem> problems)
        : base(problems.Count == 0 ? "invalid input" : string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    public InvalidInputException(InputProblem problem)
        : this([problem])
    {
    }

    public InvalidInputException()
        : this([])
    {
    }

    public InvalidInputException(string message)
        : this([new InputProblem("<input>", 0, 0, message)])
    {
    }

    public InvalidInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [new InputProblem("<input>", 0, 0, message)];
    }

    public IReadOnlyList<InputProblem> Problems { get; }
}
