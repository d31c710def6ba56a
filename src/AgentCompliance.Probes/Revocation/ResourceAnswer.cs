namespace AgentCompliance.Probes.Revocation;

/// <summary>A protected resource's answer to a bearer token: accepted (2xx), rejected (401/403) or neither.</summary>
public sealed record ResourceAnswer(int Status)
{
    public bool Accepted => Status is >= 200 and < 300;

    public bool Rejected => Status is 401 or 403;

    public override string ToString() => Accepted ? $"accepted ({Status})" : Rejected ? $"rejected ({Status})" : $"answered {Status}";
}
