using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Core.Configuration;

/// <summary>
/// Loads agentcompliance.yaml: schema validation, then cross-checks (unique names, container dependencies, files
/// that must exist, no plain http beyond loopback), then every relative path made absolute against the profile's
/// folder so later stages never depend on the current directory.
/// </summary>
public static class TargetProfileLoader
{
    /// <summary>The profile used when none is named on the command line.</summary>
    public const string DefaultFileName = "agentcompliance.yaml";

    /// <exception cref="InvalidInputException">One problem per defect, located in the file.</exception>
    public static TargetProfile Load(string path) => LoadWithContainerPorts(path, null);

    /// <summary>
    /// Loads the profile with every <see cref="ContainerPortPlaceholders.Syntax"/> placeholder replaced by the host port
    /// its container got; with null, placeholders read as port 0 and are listed in
    /// <see cref="TargetProfile.UnresolvedContainerPorts"/>.
    /// </summary>
    public static TargetProfile LoadWithContainerPorts(string path, IReadOnlyDictionary<ContainerPortReference, int>? hostPorts)
    {
        var document = SchemaValidatedDocumentLoader.ReadDocument(path, SchemaResources.Profile);
        return Complete(document, Path.GetFullPath(path), hostPorts);
    }

    /// <summary>Loads a profile from text; relative paths resolve against the folder of <paramref name="fileName"/>.</summary>
    public static TargetProfile LoadFromText(string text, string fileName) => LoadFromText(text, fileName, null);

    /// <summary>Like <see cref="LoadWithContainerPorts"/> for text already in memory.</summary>
    public static TargetProfile LoadFromText(string text, string fileName, IReadOnlyDictionary<ContainerPortReference, int>? hostPorts)
    {
        var document = SchemaValidatedDocumentLoader.ReadDocumentFromText(text, fileName, SchemaResources.Profile);
        return Complete(document, Path.GetFullPath(fileName), hostPorts);
    }

    private static TargetProfile Complete(PositionedDocument document, string sourceFile, IReadOnlyDictionary<ContainerPortReference, int>? hostPorts)
    {
        var baseDirectory = Path.GetDirectoryName(sourceFile) ?? Environment.CurrentDirectory;
        // Placeholders first, so the other checks (plain http only to loopback) see the URLs as they will be used.
        var (containerPorts, placeholderProblems) = ContainerPortPlaceholders.Substitute(document, hostPorts);
        var problems = placeholderProblems.Concat(TargetProfileChecks.Check(document, baseDirectory))
            .OrderBy(p => p.Line).ThenBy(p => p.Column).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidInputException(problems);
        }

        var profile = SchemaValidatedDocumentLoader.Deserialize<TargetProfile>(document);
        return ResolvePaths(profile, baseDirectory) with
        {
            SourceFile = sourceFile,
            UnresolvedContainerPorts = hostPorts is null ? containerPorts : [],
        };
    }

    private static TargetProfile ResolvePaths(TargetProfile profile, string baseDirectory)
    {
        string Resolve(string path) => Path.GetFullPath(Path.Combine(baseDirectory, path));
        string? ResolveOptional(string? path) => path is null ? null : Resolve(path);
        SecretReference? ResolveSecret(SecretReference? secret) => secret?.File is null ? secret : secret with { File = Resolve(secret.File) };

        return profile with
        {
            Target = profile.Target with
            {
                AuditLog = profile.Target.AuditLog is { } auditLog
                    ? auditLog with { File = ResolveOptional(auditLog.File), Schema = ResolveOptional(auditLog.Schema) }
                    : null,
                McpServers = [.. profile.Target.McpServers.Select(m => m with { ToolPinFile = ResolveOptional(m.ToolPinFile) })],
            },
            Agents = [.. profile.Agents.Select(a => a with
            {
                Credentials = ResolveSecret(a.Credentials),
                Svid = a.Svid is null ? null : a.Svid with { File = ResolveOptional(a.Svid.File), Jwt = ResolveSecret(a.Svid.Jwt) },
            })],
            Humans = [.. profile.Humans.Select(h => h with { SubjectToken = ResolveSecret(h.SubjectToken) })],
            Analysis = profile.Analysis with { Paths = [.. profile.Analysis.Paths.Select(Resolve)] },
            Features = [.. profile.Features.Select(Resolve)],
            Bindings = [.. profile.Bindings.Select(Resolve)],
            Catalogs = [.. profile.Catalogs.Select(Resolve)],
            SystemModel = ResolveOptional(profile.SystemModel),
            Containers = [.. profile.Containers.Select(c => c with
            {
                Build = c.Build is null ? null : c.Build with { Context = Resolve(c.Build.Context) },
                Environment = c.Environment.ToDictionary(
                    e => e.Key, e => e.Value.Secret is null ? e.Value : e.Value with { Secret = ResolveSecret(e.Value.Secret) }, StringComparer.Ordinal),
            })],
            Transport = profile.Transport with { TrustedCaFile = ResolveOptional(profile.Transport.TrustedCaFile) },
            Spiffe = profile.Spiffe is null ? null : profile.Spiffe with
            {
                Bundle = profile.Spiffe.Bundle with { File = ResolveOptional(profile.Spiffe.Bundle.File) },
                ClientCertificate = profile.Spiffe.ClientCertificate is null ? null : profile.Spiffe.ClientCertificate with
                {
                    Certificate = Resolve(profile.Spiffe.ClientCertificate.Certificate),
                    Key = ResolveSecret(profile.Spiffe.ClientCertificate.Key)!,
                },
            },
            Waivers = ResolveOptional(profile.Waivers),
            Baseline = ResolveOptional(profile.Baseline),
        };
    }
}
