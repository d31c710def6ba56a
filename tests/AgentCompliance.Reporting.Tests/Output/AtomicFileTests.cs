using AgentCompliance.Reporting.Output;

namespace AgentCompliance.Reporting.Tests.Output;

public sealed class AtomicFileTests
{
    [Test]
    public void Replaces_the_content_and_leaves_no_temporary_file()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("results.json");
        File.WriteAllText(path, "old");

        AtomicFile.Write(path, stream => stream.Write("new"u8));

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(path), Is.EqualTo("new"));
            Assert.That(directory.FileNames(), Is.EqualTo(new[] { "results.json" }));
        });
    }

    [Test]
    public void A_write_that_fails_halfway_leaves_the_previous_file_whole()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("junit.xml");
        File.WriteAllText(path, "<complete/>");

        Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("<testsuites><testsuite"u8);
            throw new IOException("disk full");
        }));

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(path), Is.EqualTo("<complete/>"));
            Assert.That(directory.FileNames(), Is.EqualTo(new[] { "junit.xml" }));
        });
    }
}
