using AgentCompliance.Core.Diagnostics;
using AgentCompliance.Reporting.Json;
using AgentCompliance.Reporting.Output;

namespace AgentCompliance.Reporting.Tests.Output;

public sealed class RunOutputWriterTests
{
    [Test]
    public void Writes_results_json_junit_xml_and_sarif_into_a_new_folder()
    {
        using var directory = new TemporaryDirectory();
        var output = Path.Combine(directory.Path, "reports", "run-1");

        var written = new RunOutputWriter(output).Write(SampleRuns.EveryStatus());

        Assert.Multiple(() =>
        {
            Assert.That(written, Is.EqualTo(new[] { Path.Combine(output, "results.json"), Path.Combine(output, "junit.xml"), Path.Combine(output, "results.sarif") }));
            Assert.That(Directory.GetFiles(output).Select(Path.GetFileName), Is.EquivalentTo(new[] { "results.json", "junit.xml", "results.sarif" }));
            Assert.That(RunResultJson.Read(written[0]).Summary.Total, Is.EqualTo(8));
            Assert.That(System.Xml.Linq.XDocument.Load(written[1]).Root!.Attribute("tests")!.Value, Is.EqualTo("8"));
        });
    }

    [Test]
    public void Writing_again_replaces_the_previous_files()
    {
        using var directory = new TemporaryDirectory();
        var writer = new RunOutputWriter(directory.Path);
        writer.Write(SampleRuns.EveryStatus());

        writer.Write(SampleRuns.Empty());

        Assert.Multiple(() =>
        {
            Assert.That(RunResultJson.Read(directory.File("results.json")).Scenarios, Is.Empty);
            Assert.That(directory.FileNames(), Is.EqualTo(new[] { "junit.xml", "results.json", "results.sarif" }));
        });
    }

    [Test]
    public void Output_path_that_is_a_file_is_reported_as_could_not_run()
    {
        using var directory = new TemporaryDirectory();
        var notAFolder = directory.File("taken");
        File.WriteAllText(notAFolder, "x");

        var exception = Assert.Throws<CouldNotRunException>(() => new RunOutputWriter(notAFolder).Write(SampleRuns.Empty()));

        Assert.That(exception!.Message, Does.Contain(notAFolder));
    }
}
