using System.Text;
using System.Text.Json.Nodes;

namespace AgentCompliance.ReferencePlatform.Gateway;

/// <summary>The gateway's audit trail: one JSON object per line, appended whole under a lock, served back as written.</summary>
public sealed class AuditTrail(string path)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly Lock _gate = new();

    public string Path => path;

    public void Append(JsonObject auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var line = auditEvent.ToJsonString() + "\n";
        lock (_gate)
        {
            File.AppendAllText(path, line, Utf8);
        }
    }

    public string ReadAll()
    {
        lock (_gate)
        {
            return File.Exists(path) ? File.ReadAllText(path, Utf8) : string.Empty;
        }
    }
}
