using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Core.Configuration;

/// <summary>
/// Where a secret is read at run time: an environment variable or a file. Profiles hold only this reference, never
/// the secret, so they can be committed and shown in reports.
/// </summary>
public sealed record SecretReference
{
    /// <summary>Name of the environment variable holding the secret.</summary>
    public string? Env { get; init; }

    /// <summary>Path of a file holding the secret (resolved against the profile's folder when loaded from a profile).</summary>
    public string? File { get; init; }

    public static SecretReference FromEnvironment(string variable) => new() { Env = variable };

    public static SecretReference FromFile(string path) => new() { File = path };

    /// <summary>Reads the secret now. One trailing line break is removed, as editors and `echo` add it.</summary>
    /// <exception cref="InvalidInputException">The variable is unset or empty, or the file is missing or unreadable; the message names the variable or file only.</exception>
    public string Resolve()
    {
        if (Env is not null)
        {
            var value = Environment.GetEnvironmentVariable(Env);
            return string.IsNullOrEmpty(value)
                ? throw new InvalidInputException(new InputProblem("environment", 0, 0, $"environment variable '{Env}' is not set",
                    $"export {Env} with the secret before running, or reference a file with {{file: path}}"))
                : value;
        }

        if (File is not null)
        {
            string content;
            try
            {
                content = System.IO.File.ReadAllText(File);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                throw new InvalidInputException(new InputProblem(File, 0, 0, "secret file not found",
                    "create the file, or fix the {file: path} reference (relative paths start at the profile's folder)"));
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                throw new InvalidInputException(new InputProblem(File, 0, 0, "secret file cannot be read", "check the file's permissions"));
            }

            var secret = content.EndsWith("\r\n", StringComparison.Ordinal) ? content[..^2]
                : content.EndsWith('\n') ? content[..^1]
                : content;
            return secret.Length == 0
                ? throw new InvalidInputException(new InputProblem(File, 0, 0, "secret file is empty", "write the secret into the file"))
                : secret;
        }

        throw new InvalidInputException(new InputProblem("configuration", 0, 0, "a secret reference names neither 'env' nor 'file'",
            "write {env: VARIABLE} or {file: path}"));
    }

    /// <summary>Where the secret comes from, for logs; never the secret.</summary>
    public override string ToString() => Env is not null ? $"env:{Env}" : $"file:{File}";
}
