using System.Text;
using AgentCompliance.Probes.Audit;
using AgentCompliance.Probes.Http;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Audit;

/// <summary>
/// Reading a JSON-lines audit file the way a deployment leaves it: lines that are not events are located by file and
/// line, a trail larger than the limit is read from its newest end only, and a mark lets later reads see only what
/// was appended after it.
/// </summary>
[TestFixture]
public sealed class FileAuditTrailTests
{
    private const string Event = """{"agent":"research-agent","tool":"search_documents","decision":"allow"}""";
    private TrailFiles _files = null!;

    [SetUp]
    public void CreateFolder() => _files = new TrailFiles();

    [TearDown]
    public void DeleteFolder() => _files.Dispose();

    [Test]
    public async Task Lines_that_are_not_events_are_reported_with_file_and_line()
    {
        var path = _files.Write("audit.jsonl", $"{Event}\n\n{{\"agent\": \"x\", oops\n[1,2]\n{Event}\n");

        var snapshot = await new FileAuditTrail(path, new AuditTrailLimits()).ReadAsync(null);

        Assert.Multiple(() =>
        {
            Assert.That(snapshot.Entries.Select(e => e.Location), Is.EqualTo(new[] { $"{path}:1", $"{path}:3", $"{path}:4", $"{path}:5" }), "the blank line 2 is skipped but counted");
            Assert.That(snapshot.Entries.Select(e => e.IsEvent), Is.EqualTo(new[] { true, false, false, true }));
            Assert.That(snapshot.Entries[1].Problem, Does.StartWith("not valid JSON (error at column"));
            Assert.That(snapshot.Entries[2].Problem, Is.EqualTo("not a JSON object but an array"));
            Assert.That(snapshot.Truncated, Is.False);
        });
    }

    [Test]
    public async Task A_byte_order_mark_before_the_first_event_is_not_part_of_it()
    {
        var path = Path.Combine(_files.Folder, "bom.jsonl");
        await File.WriteAllTextAsync(path, $"{Event}\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var snapshot = await new FileAuditTrail(path, new AuditTrailLimits()).ReadAsync(null);

        Assert.That(snapshot.Entries.Single().Text, Is.EqualTo(Event));
    }

    [Test]
    public async Task A_trail_larger_than_the_byte_limit_is_read_from_its_newest_end_only()
    {
        var lines = Enumerable.Range(1, 500).Select(i => $$"""{"agent":"research-agent","tool":"search_documents","n":{{i}}}""").ToList();
        var path = _files.Write("big.jsonl", string.Join('\n', lines) + "\n");
        var limits = new AuditTrailLimits { MaxBytes = 4096 };

        var snapshot = await new FileAuditTrail(path, limits).ReadAsync(null);

        Assert.Multiple(() =>
        {
            Assert.That(snapshot.Truncated, Is.True);
            Assert.That(snapshot.Entries, Has.Count.LessThan(4096 / 60).And.Count.GreaterThan(0));
            Assert.That(snapshot.Entries.All(e => e.IsEvent), Is.True, "the line the cut fell into is dropped, not reported as broken");
            Assert.That(snapshot.Entries[^1].Text, Is.EqualTo(lines[^1]), "the newest event is the last one read");
            Assert.That(snapshot.Entries[0].Location, Does.Match(@" \(byte \d+\)$"), "line numbers are unknown after a cut, so byte offsets locate entries");
            Assert.That(snapshot.Notes.Single(), Does.Contain("more than the 4096-byte limit; only its newest 4096 bytes were read"));
        });
    }

    [Test]
    public async Task More_events_than_the_event_limit_keeps_the_newest()
    {
        var path = _files.Write("many.jsonl", string.Concat(Enumerable.Range(1, 30).Select(i => $$"""{"n":{{i}}}""" + "\n")));

        var snapshot = await new FileAuditTrail(path, new AuditTrailLimits { MaxEvents = 10 }).ReadAsync(null);

        Assert.Multiple(() =>
        {
            Assert.That(snapshot.Truncated, Is.True);
            Assert.That(snapshot.Entries.Select(e => e.Location), Is.EqualTo(Enumerable.Range(21, 10).Select(i => $"{path}:{i}")));
        });
    }

    [Test]
    public async Task A_line_longer_than_the_line_limit_is_reported_not_parsed()
    {
        var path = _files.Write("long.jsonl", $"{{\"blob\":\"{new string('a', 2000)}\"}}\n{Event}\n");

        var snapshot = await new FileAuditTrail(path, new AuditTrailLimits { MaxLineBytes = 1024 }).ReadAsync(null);

        Assert.Multiple(() =>
        {
            Assert.That(snapshot.Entries[0].Problem, Is.EqualTo("the line is 2011 bytes long, more than the 1024-byte limit for one event; it was not parsed"));
            Assert.That(snapshot.Entries[1].IsEvent, Is.True);
        });
    }

    [Test]
    public async Task After_a_mark_only_appended_lines_are_read_with_their_line_numbers()
    {
        var path = _files.Write("audit.jsonl", $"{Event}\n{Event}\n");
        var trail = new FileAuditTrail(path, new AuditTrailLimits());
        var mark = await trail.MarkAsync();
        await File.AppendAllTextAsync(path, "{\"agent\":\"billing-agent\"}\n");

        var snapshot = await trail.ReadAsync(mark);

        Assert.Multiple(() =>
        {
            Assert.That(mark, Is.EqualTo(new AuditTrailMark(Encoding.UTF8.GetByteCount(Event) * 2 + 2, 2)));
            Assert.That(snapshot.Entries.Select(e => (e.Location, e.Text)), Is.EqualTo(new[] { ($"{path}:3", "{\"agent\":\"billing-agent\"}") }));
        });
    }

    [Test]
    public async Task A_mark_taken_while_a_line_is_half_written_belongs_before_that_line()
    {
        var path = _files.Write("audit.jsonl", $"{Event}\n{{\"agent\":\"bill");
        var trail = new FileAuditTrail(path, new AuditTrailLimits());

        var mark = await trail.MarkAsync();
        var whileWriting = await trail.ReadAsync(mark);
        await File.AppendAllTextAsync(path, "ing-agent\"}\n");
        var afterwards = await trail.ReadAsync(mark);

        Assert.Multiple(() =>
        {
            Assert.That(whileWriting.Entries, Is.Empty);
            Assert.That(whileWriting.Notes.Single(), Does.Contain(":2: the last line is incomplete"));
            Assert.That(afterwards.Entries.Single().Location, Is.EqualTo($"{path}:2"));
            Assert.That(afterwards.Entries.Single().IsEvent, Is.True);
        });
    }

    [Test]
    public async Task A_trail_shorter_than_its_mark_was_rotated_and_is_read_from_the_start()
    {
        var path = _files.Write("audit.jsonl", $"{Event}\n{Event}\n{Event}\n");
        var trail = new FileAuditTrail(path, new AuditTrailLimits());
        var mark = await trail.MarkAsync();
        File.WriteAllText(path, "{\"rotated\":true}\n");

        var snapshot = await trail.ReadAsync(mark);

        Assert.Multiple(() =>
        {
            Assert.That(snapshot.Entries.Single().Location, Is.EqualTo($"{path}:1"));
            Assert.That(snapshot.Notes.Single(), Does.Contain("shorter than when it was marked"));
        });
    }

    [Test]
    public void A_missing_trail_fails_naming_the_file_and_the_profile_key()
    {
        var path = Path.Combine(_files.Folder, "nowhere.jsonl");

        var error = Assert.ThrowsAsync<ProbeFailedException>(() => new FileAuditTrail(path, new AuditTrailLimits()).ReadAsync(null));

        Assert.That(error!.Message, Is.EqualTo($"the audit trail {path} does not exist: check target.auditLog.file, and that the deployment writes its audit events there"));
    }

    [Test]
    public async Task A_missing_trail_marks_its_start_so_events_written_later_are_found()
    {
        var path = Path.Combine(_files.Folder, "later.jsonl");
        var trail = new FileAuditTrail(path, new AuditTrailLimits());

        var mark = await trail.MarkAsync();
        await File.WriteAllTextAsync(path, $"{Event}\n");

        Assert.That((await trail.ReadAsync(mark)).Entries.Single().Location, Is.EqualTo($"{path}:1"));
    }
}
