using System.Diagnostics;
using AgentCompliance.Core.Configuration;
using AgentCompliance.Probes.OAuth;
using AgentCompliance.Probes.Revocation;
using AgentCompliance.Probes.Tokens;
using Reqnroll;

namespace AgentCompliance.Steps.Live.Identity;

/// <summary>
/// Delegation for mixed identity — a person approves, the agent executes: the agent exchanges the person's token
/// (RFC 8693) for one that names the agent as actor (<c>act</c>), is narrower than the person's, cannot be widened,
/// and dies with the person's token. The person's token is read from <c>humans[].subjectToken</c> in the profile.
/// </summary>
[Binding]
public sealed class DelegationSteps(AgentTokenContext tokens, RevocationObserver observer)
{
    /// <summary>Scopes every OpenID Connect issuer lists that say nothing about what an agent may do.</summary>
    private static readonly HashSet<string> IdentityScopes = new(StringComparer.Ordinal) { "openid", "profile", "email", "address", "phone", "offline_access" };

    /// <summary>The agent exchanges the person's token for a token to act for them, with its own scopes and resource.</summary>
    /// <param name="person">The person's name under <c>humans</c> in the profile (needs a <c>subjectToken</c>).</param>
    /// <param name="agent">The agent's name in the profile.</param>
    /// <example>Given the person "alice" delegates a task to the agent "research-agent"</example>
    [Given("the person {string} delegates a task to the agent {string}")]
    public async Task GivenThePersonDelegatesATaskToTheAgent(string person, string agent)
    {
        await DelegateAsync(Person(person), tokens.Deployment.Agent(agent)).ConfigureAwait(false);
    }

    /// <summary>
    /// The first person in the profile with a <c>subjectToken</c> delegates a task to every agent in the profile,
    /// so the delegation controls need no names and cover every agent.
    /// </summary>
    /// <example>Given a person delegates a task to every agent in the profile</example>
    [Given("a person delegates a task to every agent in the profile")]
    public async Task GivenAPersonDelegatesATaskToEveryAgentInTheProfile()
    {
        var profile = tokens.Deployment.Profile;
        var person = profile.Humans.FirstOrDefault(h => h.SubjectToken is not null)
            ?? throw new ControlFailedException("no person in the profile has a subjectToken, so delegation cannot be tried: add 'subjectToken: {env: VARIABLE}' to one of the 'humans:' with a token that person obtained");
        if (profile.Agents.Count == 0)
        {
            throw new ControlFailedException("the profile names no agents, so no delegation can be checked: add them under 'agents:'");
        }

        foreach (var agent in profile.Agents)
        {
            await DelegateAsync(person, agent).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Each delegated token keeps the person as subject (the profile's <c>subject</c>) and names the agent in
    /// <c>act.sub</c> (its client id or SPIFFE ID): without <c>act</c> the agent impersonates the person.
    /// </summary>
    /// <example>Then the delegated token names the agent as actor</example>
    [Then("the delegated token(s) name(s) the agent as actor")]
    public async Task ThenTheDelegatedTokensNameTheAgentAsActor()
    {
        var violations = new List<string>();
        foreach (var delegation in RequireDelegations())
        {
            var claims = await tokens.ClaimsAsync(delegation.Delegated).ConfigureAwait(false);
            var agent = delegation.Delegated.Agent;
            var outcome = DelegationActorCheck.Check(claims, delegation.Person.Subject, [agent.ClientId, .. agent.SpiffeId is null ? Array.Empty<string>() : [agent.SpiffeId]]);
            Record(violations, delegation.Whose, outcome);
        }

        ControlFailedException.ThrowIfAny(violations, "delegated tokens that do not name the agent as actor");
    }

    /// <summary>Each delegated token's scopes and audiences are a subset of the person's token's, and strictly narrower.</summary>
    /// <example>Then the delegated token is narrower than the person's token</example>
    [Then("the delegated token(s) is/are narrower than the person's token")]
    public async Task ThenTheDelegatedTokensAreNarrowerThanThePersonsToken()
    {
        var violations = new List<string>();
        foreach (var delegation in RequireDelegations())
        {
            var delegated = await tokens.ClaimsAsync(delegation.Delegated).ConfigureAwait(false);
            var subject = await tokens.ClaimsAsync(delegation.PersonsToken, delegation.SubjectToken, delegation.Delegated.Client).ConfigureAwait(false);
            Record(violations, delegation.Whose, DelegationNarrowingCheck.Check(delegated, delegation.Delegated.Response.Scope, subject));
        }

        ControlFailedException.ThrowIfAny(violations, "delegated tokens not narrower than the person's token");
    }

    /// <summary>
    /// Each agent asks to exchange the person's token again, adding every scope the issuer lists (<c>scopes_supported</c>,
    /// identity scopes aside) that the person's token does not grant. The issuer must refuse, or grant none of them.
    /// </summary>
    /// <example>Then the agent cannot widen the delegated scope</example>
    [Then("the agent(s) cannot widen the delegated scope")]
    public async Task ThenTheAgentsCannotWidenTheDelegatedScope()
    {
        var metadata = await tokens.Deployment.IssuerMetadataAsync().ConfigureAwait(false);
        var endpoint = await tokens.Deployment.TokenEndpointAsync().ConfigureAwait(false);
        var violations = new List<string>();
        foreach (var delegation in RequireDelegations())
        {
            var subject = await tokens.ClaimsAsync(delegation.PersonsToken, delegation.SubjectToken, delegation.Delegated.Client).ConfigureAwait(false);
            var extra = metadata.ScopesSupported.Where(s => !IdentityScopes.Contains(s) && !(subject.Scopes ?? []).Contains(s, StringComparer.Ordinal)).ToList();
            if (extra.Count == 0)
            {
                violations.Add($"{delegation.Whose}: up-scoping cannot be tried, as the issuer lists no scope (scopes_supported) beyond those of {delegation.PersonsToken}");
                continue;
            }

            var agent = delegation.Delegated.Agent;
            try
            {
                var widened = await new TokenClient(tokens.Deployment.Http)
                    .ExchangeAsync(endpoint, delegation.Delegated.Client, delegation.SubjectToken, [.. agent.AllowedScopes.Union(extra, StringComparer.Ordinal)], agent.Resource)
                    .ConfigureAwait(false);
                var claims = await tokens.ClaimsAsync($"the widened token of agent '{agent.Name}'", widened.AccessToken, delegation.Delegated.Client).ConfigureAwait(false);
                var granted = (claims.Scopes ?? widened.Scope?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? []).Intersect(extra, StringComparer.Ordinal).ToList();
                Record(violations, delegation.Whose, granted.Count > 0
                    ? CheckOutcome.Fail($"asking for [{string.Join(" ", extra)}] on top of {delegation.PersonsToken}, the agent was granted {string.Join(", ", granted)}")
                    : CheckOutcome.Pass($"asking for [{string.Join(" ", extra)}] on top of {delegation.PersonsToken}, the agent was granted none of them"));
            }
            catch (TokenEndpointException refused)
            {
                Record(violations, delegation.Whose, CheckOutcome.Pass($"asking for [{string.Join(" ", extra)}] on top of {delegation.PersonsToken} was refused: {refused.Message}"));
            }
        }

        ControlFailedException.ThrowIfAny(violations, "delegation that lets agents widen their scope");
    }

    /// <summary>
    /// The person's token is revoked (by the agent holding it, RFC 7009); then each delegated token must be rejected
    /// within the bound by introspection and by the agent's resource. This spends the person's token: put it last.
    /// </summary>
    /// <param name="seconds">How long after the person's token is revoked the delegated tokens must be rejected.</param>
    /// <example>Then the delegated token stops working within 5 seconds of revoking the person's token</example>
    [Then("the delegated token(s) stop(s) working within {int} seconds of revoking the person's token")]
    public async Task ThenTheDelegatedTokensStopWorkingWithinSecondsOfRevokingThePersonsToken(int seconds)
    {
        var deployment = tokens.Deployment;
        var delegations = RequireDelegations();
        var introspection = await deployment.IntrospectionEndpointAsync().ConfigureAwait(false);
        var accepting = new List<Uri?>();
        foreach (var delegation in delegations)
        {
            accepting.Add(await observer.BaselineAsync(delegation.Delegated, introspection).ConfigureAwait(false));
        }

        var revocation = await deployment.RevocationEndpointAsync().ConfigureAwait(false)
            ?? throw new ControlFailedException("the person's token cannot be revoked: the issuer offers no revocation endpoint (RFC 7009), so agents keep acting for a person whose approval was withdrawn until their tokens expire");
        var violations = new List<string>();
        var revoked = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var delegation in delegations.Where(d => !revoked.ContainsKey(d.SubjectToken)))
        {
            var error = await new RevocationClient(deployment.Http).RevokeAsync(revocation, delegation.Delegated.Client, delegation.SubjectToken).ConfigureAwait(false);
            if (error is not null)
            {
                throw new ControlFailedException($"{delegation.PersonsToken} could not be revoked by agent '{delegation.Delegated.Agent.Name}': the revocation endpoint answered {error}");
            }

            revoked[delegation.SubjectToken] = Stopwatch.GetTimestamp();
        }

        var watches = delegations.Select((delegation, i) => observer.WatchAsync(
            delegation.Whose,
            new RevocationWatchTargets
            {
                Token = delegation.Delegated.Value,
                IntrospectionEndpoint = introspection,
                Client = delegation.Delegated.Client,
                ProtectedResource = accepting[i],
            },
            revoked[delegation.SubjectToken],
            TimeSpan.FromSeconds(seconds)));
        violations.AddRange((await Task.WhenAll(watches).ConfigureAwait(false)).SelectMany(v => v));
        ControlFailedException.ThrowIfAny(violations, $"delegated tokens still working {seconds} s after the person's token was revoked");
    }

    private async Task DelegateAsync(HumanIdentity person, AgentIdentity agent)
    {
        var deployment = tokens.Deployment;
        if (person.SubjectToken is null)
        {
            throw new ControlFailedException($"the profile gives the person '{person.Name}' no subjectToken, so delegation cannot be tried: add 'subjectToken: {{env: VARIABLE}}' with a token that person obtained");
        }

        var subjectToken = deployment.ResolveSecret(person.SubjectToken);
        var client = await deployment.ClientCredentialsAsync(agent).ConfigureAwait(false);
        var endpoint = await deployment.TokenEndpointAsync().ConfigureAwait(false);
        TokenResponse response;
        try
        {
            response = await new TokenClient(deployment.Http).ExchangeAsync(endpoint, client, subjectToken, agent.AllowedScopes, agent.Resource).ConfigureAwait(false);
        }
        catch (TokenEndpointException e)
        {
            throw new ControlFailedException($"agent '{agent.Name}' could not exchange the token of '{person.Name}' (RFC 8693 token exchange): {e.Message}");
        }

        var delegated = new AgentToken(agent, client, response, DateTimeOffset.UtcNow);
        tokens.Delegations.Add(new Delegation(person, subjectToken, delegated));
        deployment.Note($"delegation from '{person.Name}' to agent '{agent.Name}'", AgentTokenSteps.Describe(delegated));
    }

    private HumanIdentity Person(string name)
    {
        var humans = tokens.Deployment.Profile.Humans;
        return humans.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.Ordinal))
            ?? throw new InvalidOperationException(humans.Count == 0
                ? $"the profile names no people, so there is no person '{name}': add it under 'humans:'"
                : $"the profile has no person '{name}' (humans: {string.Join(", ", humans.Select(h => h.Name))})");
    }

    private IReadOnlyList<Delegation> RequireDelegations() => tokens.Delegations.Count > 0
        ? tokens.Delegations
        : throw new InvalidOperationException("no delegation happened in this scenario: start with 'Given the person \"…\" delegates a task to the agent \"…\"' or 'Given a person delegates a task to every agent in the profile'");

    private void Record(List<string> violations, string whose, CheckOutcome outcome)
    {
        if (outcome.Holds)
        {
            tokens.Deployment.Note(whose, outcome.Message);
        }
        else
        {
            violations.Add($"{whose}: {outcome.Message}");
        }
    }
}
