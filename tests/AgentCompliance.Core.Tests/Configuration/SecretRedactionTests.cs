using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Diagnostics;
using NUnit.Framework;

namespace AgentCompliance.Core.Tests.Configuration;

/// <summary>No problem message or hint ever repeats a value from the file, wherever a secret was pasted.</summary>
public sealed class SecretRedactionTests
{
    private const string Secret = "sk-live-5ecr3t-Value";

    private static readonly string[] ProfilesWithPastedSecret =
    [
        // Inline secret where a reference is expected.
        $"version: 1\nname: a\nagents:\n  - name: bot\n    clientId: c\n    credentials: {Secret}\n",
        // Secret pasted as the variable name.
        $"version: 1\nname: a\nagents:\n  - name: bot\n    clientId: c\n    credentials: {{env: \"{Secret}\"}}\n",
        // Secret in an enum position.
        $"version: 1\nname: a\nagents:\n  - name: bot\n    clientId: c\n    authMethod: {Secret}\n",
        // Secret in a URL position.
        $"version: 1\nname: a\ntarget:\n  agentGateway:\n    baseUrl: {Secret}\n",
        // Secret where a number is expected.
        $"version: 1\nname: a\ntimeouts:\n  requestSeconds: \"{Secret}\"\n",
        // Secret in an unterminated quoted string.
        $"version: 1\nname: a\nagents:\n  - name: bot\n    clientId: \"{Secret}\n",
        // Secret as a plain scalar breaking the YAML structure.
        $"version: 1\nname: {Secret}: x\n",
        // Secret in a JSON file with a syntax error.
        $"{{\"version\": 1, \"name\": {Secret}}}",
        // Secret as the value of an unknown key.
        $"version: 1\nname: a\npassword: {Secret}\n",
    ];

    public static IEnumerable<TestCaseData> Cases() =>
        ProfilesWithPastedSecret.Select((text, i) => new TestCaseData(text, i == 7 ? "profile.json" : "profile.yaml").SetName($"Pasted secret {i + 1} is not echoed"));

    [TestCaseSource(nameof(Cases))]
    public void Problems_never_contain_the_value(string text, string fileName)
    {
        var exception = Assert.Throws<InvalidInputException>(() => SchemaValidatedDocumentLoader.LoadFromText<TargetProfile>(text, fileName, SchemaResources.Profile));

        Assert.That(exception.Problems, Is.Not.Empty);
        Assert.That(exception.Message, Does.Not.Contain("5ecr3t"));
        foreach (var problem in exception.Problems)
        {
            Assert.That(problem.ToString(), Does.Not.Contain("5ecr3t"));
        }
    }
}
