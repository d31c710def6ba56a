using System.Buffers;
using System.Diagnostics;
using AgentCompliance.Core.Results;
using AgentCompliance.Scenarios.Execution;
using AgentCompliance.Scenarios.Parsing;
using Io.Cucumber.Messages.Types;
using Microsoft.Win32.SafeHandles;
using Reqnroll.Bindings;
using Exception = System.Exception;

namespace AgentCompliance.Scenarios.MessageOutput;

/// <summary>
/// Writes a run's Cucumber messages (<c>messages.ndjson</c>, one envelope per line) from the engine's own parse and
/// results, test case by test case as scenarios finish, with the message library's types.
/// </summary>
/// <remarks>
/// The file always ends with a <c>testRunFinished</c> line: a provisional one with <c>success: false</c> until
/// <see cref="Finish"/> replaces it. Finished test cases reach the file at most <see cref="FlushInterval"/> after they
/// finish, written with a fresh provisional line after them in one write at the provisional line's offset, so an
/// interrupted or crashed run still leaves whole lines, complete test cases only, and a run that says it did not
/// succeed. (One write per test case cost more than building its messages.) Test cases of concurrent scenarios are
/// whole blocks, never interleaved. Writing problems never stop the run: writing stops and <see cref="Error"/> says why.
/// </remarks>
internal sealed class CucumberMessagesWriter : IDisposable
{
    private const string ProvisionalEnd = "the run did not finish: it was interrupted or crashed; the test cases above are complete";

    /// <summary>Longest a finished test case waits in memory before it is written.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);

    private static readonly string ProtocolVersion = typeof(Envelope).Assembly.GetName().Version is { } version
        ? $"{version.Major}.{version.Minor}.{version.Build}"
        : "unknown";

    private readonly Lock _gate = new();
    private readonly SafeFileHandle _file;
    private readonly MessageClock _clock = new();
    private readonly string _testRunStartedId = ProcessWideIdGenerator.Next();
    private readonly string _harnessHookId = ProcessWideIdGenerator.Next();
    private readonly Dictionary<IStepDefinitionBinding, string> _stepDefinitionIds = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<IHookBinding, string> _hookIds = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<ParsedFeature> _declaredFeatures = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> _declaredPickles = new(StringComparer.Ordinal);
    private readonly ArrayBufferWriter<byte> _pending = new(64 * 1024);
    private readonly Timer _flushTimer;
    private long _length;
    private bool _flushDue;
    private bool _harnessHookDeclared;
    private bool _unsuccessful;
    private bool _closed;

    private CucumberMessagesWriter(SafeFileHandle file)
    {
        _file = file;
        _flushTimer = new Timer(_ => Flush(), null, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>Why the file stopped being written, if it did (disk full, folder removed).</summary>
    public string? Error { get; private set; }

    /// <summary>
    /// Creates (or truncates) the file and writes what is known before any scenario runs: meta, the source, Gherkin
    /// document and pickles of <paramref name="features"/> (those that will run; a session passes none and declares
    /// each feature when its first scenario runs), step definitions, hooks, <c>testRunStarted</c>. IO errors are thrown.
    /// </summary>
    public static CucumberMessagesWriter Create(string path, IBindingRegistry bindings, string toolVersion, IEnumerable<(ParsedFeature Feature, IEnumerable<PlannedScenario> Scenarios)> features)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        ArgumentNullException.ThrowIfNull(features);
        var writer = new CucumberMessagesWriter(File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.Read));
        try
        {
            var header = new ArrayBufferWriter<byte>(64 * 1024);
            NdjsonLines.Append(header, Envelope.Create(Meta(toolVersion)));
            foreach (var (feature, scenarios) in features)
            {
                writer.Declare(header, feature, scenarios);
            }

            writer.DeclareBindings(header, bindings);
            NdjsonLines.Append(header, Envelope.Create(new TestRunStarted(writer._clock.Now(), writer._testRunStartedId)));
            lock (writer._gate)
            {
                writer.CommitLocked(header.WrittenMemory, throwOnError: true);
            }

            return writer;
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    /// <summary>Adds one finished test case: its <c>testCase</c>, <c>testCaseStarted</c>, step events with
    /// evidence attachments, and <c>testCaseFinished</c>. <paramref name="startedAt"/> is a <see cref="Stopwatch"/>
    /// timestamp; <paramref name="trace"/> is null when the scenario never reached the runtime. Thread-safe.</summary>
    public void WriteTestCase(ParsedFeature feature, PlannedScenario scenario, ScenarioResult result, long startedAt, ScenarioTrace? trace)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        if (scenario.Pickle is null || Volatile.Read(ref _closed))
        {
            return;
        }

        ArrayBufferWriter<byte> block;
        bool usesHarnessHook;
        try
        {
            block = new ArrayBufferWriter<byte>(4096);
            usesHarnessHook = TestCaseMessages.Write(block, scenario, result, trace, _clock.Offset(startedAt), this);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            lock (_gate)
            {
                StopLocked($"test case {scenario.Id} could not be written: {exception.Message}");
            }

            return;
        }

        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _unsuccessful |= result.Status is not (ResultStatus.Passed or ResultStatus.Skipped);
            Declare(_pending, feature, [scenario]);
            if (usesHarnessHook && !_harnessHookDeclared)
            {
                NdjsonLines.Append(_pending, Envelope.Create(HarnessHook()));
                _harnessHookDeclared = true;
            }

            _pending.Write(block.WrittenSpan);
            if (!_flushDue)
            {
                _flushDue = true;
                _flushTimer.Change(FlushInterval, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Replaces the provisional end with the run's <c>testRunFinished</c>: success when every test case
    /// passed or was skipped and the run was not interrupted.</summary>
    public void Finish(bool interrupted, string? reason)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            var end = new ArrayBufferWriter<byte>(256);
            var success = !interrupted && !_unsuccessful;
            NdjsonLines.Append(end, Envelope.Create(new TestRunFinished(interrupted ? reason : null, success, _clock.Now(), null, _testRunStartedId)));
            try
            {
                RandomAccess.Write(_file, [_pending.WrittenMemory, end.WrittenMemory], _length);
                _length += _pending.WrittenCount + end.WrittenCount;
                RandomAccess.SetLength(_file, _length);
                _pending.ResetWrittenCount();
                _closed = true;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                StopLocked(exception.Message);
            }
        }
    }

    /// <summary>Writes what is still pending (the run ended without <see cref="Finish"/>) and closes the file.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            FlushLocked();
            _closed = true;
            _flushTimer.Dispose();
            _file.Dispose();
        }
    }

    internal string? StepDefinitionId(IStepDefinitionBinding binding) => _stepDefinitionIds.GetValueOrDefault(binding);

    internal string? HookId(IHookBinding binding) => _hookIds.GetValueOrDefault(binding);

    internal string HarnessHookId => _harnessHookId;

    internal string TestRunStartedId => _testRunStartedId;

    internal MessageClock Clock => _clock;

    private void Flush()
    {
        lock (_gate)
        {
            FlushLocked();
        }
    }

    private void FlushLocked()
    {
        _flushDue = false;
        if (!_closed && _pending.WrittenCount > 0)
        {
            CommitLocked(_pending.WrittenMemory, throwOnError: false);
            _pending.ResetWrittenCount();
        }
    }

    /// <summary>Writes <paramref name="content"/> over the provisional end, followed by a new provisional end, in
    /// one positioned write; the file therefore always ends with a <c>testRunFinished</c> line.</summary>
    private void CommitLocked(ReadOnlyMemory<byte> content, bool throwOnError)
    {
        var end = new ArrayBufferWriter<byte>(256);
        NdjsonLines.Append(end, Envelope.Create(new TestRunFinished(ProvisionalEnd, false, _clock.Now(), null, _testRunStartedId)));
        try
        {
            RandomAccess.Write(_file, [content, end.WrittenMemory], _length);
            _length += content.Length;
        }
        catch (Exception exception) when (!throwOnError && exception is IOException or UnauthorizedAccessException)
        {
            StopLocked(exception.Message);
        }
    }

    private void StopLocked(string error)
    {
        Error ??= error;
        _closed = true;
    }

    /// <summary>Source and Gherkin document once per feature, then the pickles not declared yet.</summary>
    private void Declare(ArrayBufferWriter<byte> buffer, ParsedFeature feature, IEnumerable<PlannedScenario> scenarios)
    {
        if (feature.Messages is not { } messages)
        {
            return;
        }

        if (_declaredFeatures.Add(feature))
        {
            NdjsonLines.Append(buffer, Envelope.Create(messages.Source));
            NdjsonLines.Append(buffer, Envelope.Create(messages.GherkinDocument));
        }

        foreach (var pickle in scenarios.Select(scenario => scenario.Pickle))
        {
            if (pickle is not null && _declaredPickles.Add(pickle.Id))
            {
                NdjsonLines.Append(buffer, Envelope.Create(pickle));
            }
        }
    }

    private void DeclareBindings(ArrayBufferWriter<byte> buffer, IBindingRegistry bindings)
    {
        foreach (var binding in bindings.GetStepDefinitions())
        {
            var id = ProcessWideIdGenerator.Next();
            _stepDefinitionIds[binding] = id;
            var type = binding.ExpressionType == StepDefinitionExpressionTypes.CucumberExpression
                ? StepDefinitionPatternType.CUCUMBER_EXPRESSION
                : StepDefinitionPatternType.REGULAR_EXPRESSION;
            NdjsonLines.Append(buffer, Envelope.Create(new StepDefinition(id, new StepDefinitionPattern(binding.SourceExpression ?? string.Empty, type), SourceOf(binding.Method))));
        }

        foreach (var hook in bindings.GetHooks())
        {
            var id = ProcessWideIdGenerator.Next();
            _hookIds[hook] = id;
            var tag = hook is { IsScoped: true, BindingScope.Tag: { Length: > 0 } scopeTag } ? "@" + scopeTag : null;
            NdjsonLines.Append(buffer, Envelope.Create(new Hook(id, hook.HookType.ToString(), SourceOf(hook.Method), tag, HookTypeOf(hook.HookType))));
        }
    }

    private static SourceReference SourceOf(Reqnroll.Bindings.Reflection.IBindingMethod method) =>
        SourceReference.Create(new JavaMethod(method.Type.FullName, method.Name, [.. method.Parameters.Select(parameter => parameter.Type.FullName ?? parameter.Type.Name)]));

    // Cucumber knows run, test case and step hooks; feature hooks run once per feature, like run hooks do.
    private static Io.Cucumber.Messages.Types.HookType HookTypeOf(Reqnroll.Bindings.HookType type) => type switch
    {
        Reqnroll.Bindings.HookType.BeforeTestRun or Reqnroll.Bindings.HookType.BeforeFeature => Io.Cucumber.Messages.Types.HookType.BEFORE_TEST_RUN,
        Reqnroll.Bindings.HookType.AfterTestRun or Reqnroll.Bindings.HookType.AfterFeature => Io.Cucumber.Messages.Types.HookType.AFTER_TEST_RUN,
        Reqnroll.Bindings.HookType.BeforeScenario => Io.Cucumber.Messages.Types.HookType.BEFORE_TEST_CASE,
        Reqnroll.Bindings.HookType.AfterScenario => Io.Cucumber.Messages.Types.HookType.AFTER_TEST_CASE,
        Reqnroll.Bindings.HookType.BeforeScenarioBlock or Reqnroll.Bindings.HookType.BeforeStep => Io.Cucumber.Messages.Types.HookType.BEFORE_TEST_STEP,
        _ => Io.Cucumber.Messages.Types.HookType.AFTER_TEST_STEP,
    };

    /// <summary>The step that carries an outcome the harness decided without any step or hook failing (a failed
    /// BeforeTestRun hook, a scenario without steps): without it a consumer would compute a different status.</summary>
    private Hook HarnessHook() => new(_harnessHookId, "AgentCompliance", new SourceReference(null, null, null, null), null, Io.Cucumber.Messages.Types.HookType.BEFORE_TEST_CASE);

    private static Meta Meta(string toolVersion)
    {
        var os = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "darwin" : OperatingSystem.IsLinux() ? "linux" : "unknown";
        return new Meta(
            ProtocolVersion,
            new Product("agentcompliance", toolVersion),
            new Product(".NET", Environment.Version.ToString()),
            new Product(os, Environment.OSVersion.Version.ToString()),
            new Product(System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant(), null),
            null);
    }
}
