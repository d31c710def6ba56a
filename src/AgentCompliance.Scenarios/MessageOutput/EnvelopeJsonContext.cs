using System.Text.Json.Serialization;
using Io.Cucumber.Messages.Types;

namespace AgentCompliance.Scenarios.MessageOutput;

/// <summary>
/// Compile-time JSON metadata for Cucumber message envelopes, configured as Reqnroll's <c>NdjsonSerializer</c> is
/// (camelCase, nulls left out, enums by their protocol names), so both write the same bytes. Reqnroll's serializer
/// builds its metadata by reflection on first use, which cost a few hundred milliseconds per run.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters =
    [
        typeof(DescriptionEnumConverter<AttachmentContentEncoding>),
        typeof(DescriptionEnumConverter<HookType>),
        typeof(DescriptionEnumConverter<PickleStepType>),
        typeof(DescriptionEnumConverter<SourceMediaType>),
        typeof(DescriptionEnumConverter<StepDefinitionPatternType>),
        typeof(DescriptionEnumConverter<StepKeywordType>),
        typeof(DescriptionEnumConverter<TestStepResultStatus>),
    ])]
[JsonSerializable(typeof(Envelope))]
internal sealed partial class EnvelopeJsonContext : JsonSerializerContext;
