using System.Text;

namespace AgentCompliance.Probes.Mcp;

/// <summary>
/// Turns the lines of a <c>text/event-stream</c> into events as the HTML Living Standard describes them: fields are
/// <c>name: value</c> (one leading space dropped), <c>data</c> lines join with line feeds, a line starting with ':' is
/// a comment, a blank line ends an event, and an event without data is not dispatched. Fed line by line, so it works
/// on a stream that never ends.
/// </summary>
public sealed class ServerSentEventParser
{
    private readonly StringBuilder _data = new();
    private string? _eventType;
    private string? _lastEventId;
    private bool _hasData;

    /// <summary>Feeds one line (without its terminator); returns the event it completes, if any.</summary>
    public ServerSentEvent? Feed(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length == 0)
        {
            return Dispatch();
        }

        if (line[0] == ':')
        {
            return null;
        }

        var colon = line.IndexOf(':', StringComparison.Ordinal);
        var field = colon < 0 ? line : line[..colon];
        var value = colon < 0 ? string.Empty : line[(colon + 1)..];
        if (value.StartsWith(' '))
        {
            value = value[1..];
        }

        switch (field)
        {
            case "data":
                if (_hasData)
                {
                    _data.Append('\n');
                }

                _data.Append(value);
                _hasData = true;
                break;
            case "event":
                _eventType = value;
                break;
            case "id" when !value.Contains('\0', StringComparison.Ordinal):
                _lastEventId = value;
                break;
            default:
                // 'retry' and unknown fields do not matter to a probe.
                break;
        }

        return null;
    }

    /// <summary>Ends the stream: an event still being built is dropped, as the standard says.</summary>
    public void Reset()
    {
        _data.Clear();
        _eventType = null;
        _hasData = false;
    }

    /// <summary>Every event of a complete <c>text/event-stream</c> body.</summary>
    public static IReadOnlyList<ServerSentEvent> ParseAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new ServerSentEventParser();
        var events = new List<ServerSentEvent>();
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        foreach (var line in normalized.Split('\n'))
        {
            if (parser.Feed(line) is { } item)
            {
                events.Add(item);
            }
        }

        return events;
    }

    private ServerSentEvent? Dispatch()
    {
        if (!_hasData)
        {
            _eventType = null;
            return null;
        }

        var item = new ServerSentEvent(string.IsNullOrEmpty(_eventType) ? "message" : _eventType, _data.ToString(), _lastEventId);
        Reset();
        return item;
    }
}
