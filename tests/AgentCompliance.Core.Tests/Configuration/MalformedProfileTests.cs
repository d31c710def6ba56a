using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Diagnostics;
using NUnit.Framework;

namespace AgentCompliance.Core.Tests.Configuration;

/// <summary>
/// Every malformed profile produces a problem at the exact line and column of the offending node in the YAML source,
/// with a message a user can act on.
/// </summary>
public sealed class MalformedProfileTests
{
    public static IEnumerable<TestCaseData> Cases() => MalformedProfileCases.All.Select(c => new TestCaseData(c).SetName($"Profile: {c.Name}"));

    [TestCaseSource(nameof(Cases))]
    public void Problem_is_reported_at_the_offending_node(MalformedInputCase input)
    {
        var directory = Directory.CreateTempSubdirectory("agentcompliance-profile-").FullName;
        try
        {
            var fileName = Path.Combine(directory, input.FileName);
            var exception = Assert.Throws<InvalidInputException>(() => TargetProfileLoader.LoadFromText(input.Text, fileName));

            Assert.That(exception.Problems, Has.Count.EqualTo(input.ProblemCount), () => string.Join(Environment.NewLine, exception.Problems));
            var problem = exception.Problems.FirstOrDefault(p => p.Message.Contains(input.MessageFragment, StringComparison.Ordinal));
            Assert.That(problem, Is.Not.Null, () => $"no problem mentions '{input.MessageFragment}':{Environment.NewLine}{string.Join(Environment.NewLine, exception.Problems)}");
            Assert.Multiple(() =>
            {
                Assert.That(problem!.File, Is.EqualTo(fileName));
                Assert.That((problem.Line, problem.Column), Is.EqualTo((input.Line, input.Column)), problem.ToString);
                if (input.HintFragment is not null)
                {
                    Assert.That(problem.Hint, Does.Contain(input.HintFragment));
                }
            });
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
