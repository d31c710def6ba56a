using System.ComponentModel;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentCompliance.Scenarios.MessageOutput;

/// <summary>
/// Writes a Cucumber messages enum as the protocol spells it, which the library keeps in each value's
/// <see cref="DescriptionAttribute"/> (<c>text/x.cucumber.gherkin+plain</c>, <c>Context</c>, <c>PASSED</c>).
/// </summary>
internal sealed class DescriptionEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, JsonEncodedText> Names = typeof(TEnum)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .ToDictionary(field => (TEnum)field.GetValue(null)!, field => JsonEncodedText.Encode(field.GetCustomAttribute<DescriptionAttribute>()?.Description ?? field.Name, JavaScriptEncoder.UnsafeRelaxedJsonEscaping));

    private static readonly Dictionary<string, TEnum> Values = Names.ToDictionary(pair => pair.Value.Value, pair => pair.Key, StringComparer.Ordinal);

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() is { } text && Values.TryGetValue(text, out var value)
            ? value
            : throw new JsonException($"'{reader.GetString()}' is no {typeof(TEnum).Name}");

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Names[value]);
    }
}
