using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.SystemModels;
using NUnit.Framework;

namespace AgentCompliance.Core.Tests.Configuration;

/// <summary>The shipped samples are valid, editor-ready and say what they claim to.</summary>
public sealed class SampleFileTests
{
    [Test]
    public void Demo_profile_is_valid_and_its_paths_resolve_against_its_folder()
    {
        var profile = TargetProfileLoader.Load(SamplePaths.DemoProfile);

        Assert.Multiple(() =>
        {
            Assert.That(profile.SourceFile, Is.EqualTo(Path.GetFullPath(SamplePaths.DemoProfile)));
            Assert.That(profile.SystemModel, Is.EqualTo(Path.GetFullPath(SamplePaths.ReferenceSystemModel)));
            Assert.That(
                profile.Features,
                Is.EqualTo(new[] { "design", "code", "memory", "models", "environments", "resilience", "governance", "human-oversight" }.Select(folder => RepositoryLayout.PathOf("features", folder))));
        });
    }

    [Test]
    public void Demo_profile_targets_loopback_only_and_reads_secrets_from_the_environment()
    {
        var profile = TargetProfileLoader.Load(SamplePaths.DemoProfile);
        var target = profile.Target;
        var urls = new[] { target.IdentityProvider!.Issuer, target.AgentGateway!.BaseUrl, target.PolicyDecisionPoint!.Url, target.AuditLog!.Url! }
            .Concat(target.McpServers.Select(s => s.Url));

        Assert.Multiple(() =>
        {
            Assert.That(urls.Select(u => u.Host), Is.All.EqualTo("127.0.0.1"));
            Assert.That(profile.Agents, Has.Count.GreaterThanOrEqualTo(2));
            Assert.That(profile.Agents.Select(a => a.Credentials?.Env), Is.All.Not.Null);
        });
    }

    [Test]
    public void Reference_system_model_is_valid_and_contains_the_documented_shared_account()
    {
        var model = SystemModelLoader.Load(SamplePaths.ReferenceSystemModel);
        var agentIds = model.Agents.Select(a => a.Id).ToHashSet();
        var humanIds = model.Humans.Select(h => h.Id).ToHashSet();

        var shared = model.Identities.Where(i => i.UsedBy.Any(agentIds.Contains) && i.UsedBy.Any(humanIds.Contains)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(shared.Select(i => i.Id), Is.EqualTo(new[] { "billing-service-account" }));
            Assert.That(shared[0].Kind, Is.EqualTo(IdentityKind.ServiceAccount));
            Assert.That(model.ExternalServices.Any(e => e.Legacy && e.CanBeIsolated == false), Is.True);
            Assert.That(model.TrustBoundaries, Has.Count.GreaterThanOrEqualTo(2));
        });
    }

    [TestCase("profiles/demo.agentcompliance.yaml", "profile.schema.json")]
    [TestCase("system-models/reference-platform.yaml", "system-model.schema.json")]
    public void Sample_points_editors_at_its_schema(string sample, string schemaFile)
    {
        var path = RepositoryLayout.PathOf(["samples", .. sample.Split('/')]);
        var firstLine = File.ReadLines(path).First();
        const string marker = "# yaml-language-server: $schema=";

        Assert.That(firstLine, Does.StartWith(marker));
        var schemaPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, firstLine[marker.Length..]));
        Assert.Multiple(() =>
        {
            Assert.That(Path.GetFileName(schemaPath), Is.EqualTo(schemaFile));
            Assert.That(File.ReadAllText(schemaPath), Is.EqualTo(SchemaResources.GetText(SchemaResources.Prefix + schemaFile)));
        });
    }

    [Test]
    public void Every_embedded_schema_is_listed_and_parses()
    {
        Assert.That(
            SchemaResources.Names,
            Is.EquivalentTo(new[] { SchemaResources.Profile, SchemaResources.SystemModel, SchemaResources.Catalog, SchemaResources.Results, SchemaResources.RiskTracking, SchemaResources.ThreatModel, SchemaResources.Waivers }));
        foreach (var name in SchemaResources.Names)
        {
            Assert.That(SchemaResources.Get(name).ActualProperties, Is.Not.Empty, name);
        }
    }
}
