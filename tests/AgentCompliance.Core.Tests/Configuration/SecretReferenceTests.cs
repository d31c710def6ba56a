using AgentCompliance.Core.Configuration;
using AgentCompliance.Core.Diagnostics;
using NUnit.Framework;

namespace AgentCompliance.Core.Tests.Configuration;

public sealed class SecretReferenceTests
{
    [Test]
    public void Environment_reference_reads_the_variable()
    {
        var variable = $"AC_TEST_SECRET_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, "value-from-env");
        try
        {
            Assert.That(SecretReference.FromEnvironment(variable).Resolve(), Is.EqualTo("value-from-env"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Test]
    public void Unset_variable_is_named_in_the_problem()
    {
        var variable = $"AC_TEST_UNSET_{Guid.NewGuid():N}";

        var exception = Assert.Throws<InvalidInputException>(() => SecretReference.FromEnvironment(variable).Resolve());

        Assert.That(exception.Problems.Single().Message, Does.Contain($"'{variable}' is not set"));
    }

    [Test]
    public void File_reference_reads_the_file_without_its_final_line_break()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "value-from-file\n");
            Assert.That(SecretReference.FromFile(path).Resolve(), Is.EqualTo("value-from-file"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Missing_file_is_named_in_the_problem()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.secret");

        var exception = Assert.Throws<InvalidInputException>(() => SecretReference.FromFile(path).Resolve());

        Assert.That(exception.Problems.Single().ToString(), Does.StartWith(path).And.Contain("secret file not found"));
    }

    [Test]
    public void Description_names_the_source_only()
    {
        Assert.That(SecretReference.FromEnvironment("BOT_SECRET").ToString(), Is.EqualTo("env:BOT_SECRET"));
    }

    [Test]
    public void Relative_secret_files_resolve_against_the_profile_folder()
    {
        var directory = Directory.CreateTempSubdirectory("agentcompliance-secret-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "bot.secret"), "from-profile-folder");
            var profile = TargetProfileLoader.LoadFromText(
                "version: 1\nname: a\nagents:\n  - name: bot\n    clientId: c\n    credentials: {file: bot.secret}\n",
                Path.Combine(directory, "agentcompliance.yaml"));

            Assert.That(profile.Agents[0].Credentials!.Resolve(), Is.EqualTo("from-profile-folder"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void A_persons_subject_token_file_resolves_against_the_profile_folder()
    {
        var directory = Directory.CreateTempSubdirectory("agentcompliance-secret-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "approver.token"), "token-of-the-approver");
            var profile = TargetProfileLoader.LoadFromText(
                "version: 1\nname: a\nhumans:\n  - name: approver\n    subject: alice\n    subjectToken: {file: approver.token}\n",
                Path.Combine(directory, "agentcompliance.yaml"));

            Assert.That(profile.Humans[0].SubjectToken!.Resolve(), Is.EqualTo("token-of-the-approver"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void A_subject_token_written_into_the_profile_is_rejected()
    {
        var exception = Assert.Throws<InvalidInputException>(() => TargetProfileLoader.LoadFromText(
            "version: 1\nname: a\nhumans:\n  - name: approver\n    subject: alice\n    subjectToken: eyJhbGciOiJSUzI1NiJ9.e30.sig\n",
            "agentcompliance.yaml"));

        Assert.That(exception.Problems.Single().Message, Does.Contain("writing the secret itself here is not allowed"));
    }
}
