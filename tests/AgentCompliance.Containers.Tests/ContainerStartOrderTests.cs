using AgentCompliance.Core.Configuration;

namespace AgentCompliance.Containers.Tests;

/// <summary>Containers start in the order listed, except that each starts after the containers it depends on.</summary>
public sealed class ContainerStartOrderTests
{
    [Test]
    public void Dependencies_start_first_and_the_listed_order_holds_otherwise()
    {
        ContainerDefinition[] containers =
        [
            new() { Name = "gateway", Image = "g", DependsOn = ["pdp", "idp"] },
            new() { Name = "tools", Image = "t" },
            new() { Name = "idp", Image = "i", DependsOn = ["db"] },
            new() { Name = "pdp", Image = "p" },
            new() { Name = "db", Image = "d" },
        ];

        Assert.That(ContainerStartOrder.Of(containers).Select(c => c.Name), Is.EqualTo(new[] { "pdp", "db", "idp", "gateway", "tools" }));
    }

    [Test]
    public void An_owner_is_dead_only_on_this_host_when_its_process_is_gone()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        Assert.Multiple(() =>
        {
            Assert.That(RunLabels.IsDeadOwner(RunLabels.ForThisProcess().Owner), Is.False);
            Assert.That(RunLabels.IsDeadOwner(RunLabels.OwnerOf(Environment.MachineName, process.Id, process.StartTime.AddMinutes(-5))), Is.True);
            Assert.That(RunLabels.IsDeadOwner(RunLabels.OwnerOf("another-host", process.Id, process.StartTime.AddMinutes(-5))), Is.False);
            Assert.That(RunLabels.IsDeadOwner("not an owner label"), Is.False);
        });
    }
}
