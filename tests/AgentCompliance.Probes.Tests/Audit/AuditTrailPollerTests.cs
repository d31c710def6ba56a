using AgentCompliance.Probes.Audit;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Audit;

/// <summary>Polling a trail: the read that has what is looked for is returned; otherwise the last read once the bound passed.</summary>
[TestFixture]
public sealed class AuditTrailPollerTests
{
    [Test]
    public async Task An_event_written_while_polling_is_found()
    {
        using var files = new TrailFiles();
        var path = files.Write("audit.jsonl", string.Empty);
        var trail = new FileAuditTrail(path, new AuditTrailLimits());
        var mark = await trail.MarkAsync();
        var writer = Task.Run(async () =>
        {
            await Task.Delay(300);
            await File.AppendAllTextAsync(path, "{\"agent\":\"late\"}\n");
        });

        var snapshot = await AuditTrailPoller.ReadUntilAsync(trail, mark, s => s.Events.Any(), TimeSpan.FromSeconds(30));
        await writer;

        Assert.That(snapshot.Events.Single().Text, Is.EqualTo("{\"agent\":\"late\"}"));
    }

    [Test]
    public async Task When_nothing_arrives_the_last_read_is_returned_after_the_bound()
    {
        using var files = new TrailFiles();
        var path = files.Write("audit.jsonl", "{\"agent\":\"old\"}\n");
        var trail = new FileAuditTrail(path, new AuditTrailLimits());
        var reads = 0;

        var snapshot = await AuditTrailPoller.ReadUntilAsync(trail, await trail.MarkAsync(), _ => ++reads < 0, TimeSpan.FromMilliseconds(500));

        Assert.Multiple(() =>
        {
            Assert.That(snapshot.Entries, Is.Empty);
            Assert.That(reads, Is.GreaterThan(1), "it read again before giving up");
        });
    }
}
