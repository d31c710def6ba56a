namespace AgentCompliance.ReferencePlatform.Tests;

/// <summary>Console output that presses Ctrl-C (cancels) as soon as a line containing a marker is written.</summary>
internal sealed class CancellingWriter(string marker, CancellationTokenSource cancellation) : StringWriter
{
    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        CancelOn(value);
    }

    public override Task WriteLineAsync(string? value)
    {
        CancelOn(value);
        return base.WriteLineAsync(value);
    }

    private void CancelOn(string? value)
    {
        if (value?.Contains(marker, StringComparison.Ordinal) == true)
        {
            cancellation.Cancel();
        }
    }
}
