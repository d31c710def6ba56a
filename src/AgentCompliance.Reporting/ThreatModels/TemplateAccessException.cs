namespace AgentCompliance.Reporting.ThreatModels;

/// <summary>A template asked for a file it may not read, or one that does not exist.</summary>
public sealed class TemplateAccessException : Exception
{
    public TemplateAccessException()
    {
    }

    public TemplateAccessException(string message)
        : base(message)
    {
    }

    public TemplateAccessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
