using AgentCompliance.Probes.Spiffe;
using NUnit.Framework;

namespace AgentCompliance.Probes.Tests.Spiffe;

/// <summary>The SPIFFE ID rules, case by case: what is accepted, and the reason a rejected ID gets.</summary>
public sealed class SpiffeIdTests
{
    [TestCase("spiffe://example.org/agents/planner", "example.org", "/agents/planner")]
    [TestCase("spiffe://prod.example-1_a.org/ns/x/sa/y.z", "prod.example-1_a.org", "/ns/x/sa/y.z")]
    [TestCase("spiffe://example.org", "example.org", "")]
    [TestCase("spiffe://example.org/Agents/Planner", "example.org", "/Agents/Planner")]
    public void Valid_ids_are_split_into_trust_domain_and_path(string text, string trustDomain, string path)
    {
        var id = SpiffeId.TryParse(text, out var problem);
        Assert.That(problem, Is.Empty);
        Assert.That(id, Is.EqualTo(new SpiffeId(trustDomain, path)));
        Assert.That(id!.ToString(), Is.EqualTo(text));
    }

    [TestCase("", "it is empty")]
    [TestCase("https://example.org/a", "it does not start with spiffe://")]
    [TestCase("SPIFFE://example.org/a", "its scheme must be written 'spiffe' in lowercase")]
    [TestCase("spiffe:///a", "its trust domain is empty")]
    [TestCase("spiffe://Example.org/a", "its trust domain 'Example.org' is not lowercase")]
    [TestCase("spiffe://example.org:8443/a", "it has a port (':') after the trust domain")]
    [TestCase("spiffe://user@example.org/a", "it has user info ('@') before the trust domain")]
    [TestCase("spiffe://example.org/a?x=1", "it has a query or fragment")]
    [TestCase("spiffe://example.org/a#x", "it has a query or fragment")]
    [TestCase("spiffe://example.org/a//b", "its path has an empty segment (a '//' or a trailing '/')")]
    [TestCase("spiffe://example.org/a/", "its path has an empty segment (a '//' or a trailing '/')")]
    [TestCase("spiffe://example.org/a/../b", "its path has a '..' segment")]
    [TestCase("spiffe://example.org/./b", "its path has a '.' segment")]
    [TestCase("spiffe://example.org/a%20b", "its path segment 'a%20b' has characters other than letters, digits, '.', '-' and '_'")]
    [TestCase("spiffe://exa mple.org/a", "its trust domain 'exa mple.org' has characters other than a-z, 0-9, '.', '-' and '_'")]
    public void Invalid_ids_are_rejected_with_the_reason(string text, string reason)
    {
        Assert.That(SpiffeId.TryParse(text, out var problem), Is.Null);
        Assert.That(problem, Is.EqualTo(reason));
    }

    [Test]
    public void Ids_longer_than_2048_bytes_are_rejected()
    {
        Assert.That(SpiffeId.TryParse("spiffe://example.org/" + new string('a', 2048), out var problem), Is.Null);
        Assert.That(problem, Is.EqualTo("it is longer than 2048 bytes"));
    }
}
