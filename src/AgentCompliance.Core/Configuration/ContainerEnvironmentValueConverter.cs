using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AgentCompliance.Core.Configuration;

/// <summary>
/// Reads an environment value as YAML users write it: a scalar (text, number or boolean, kept as text) is a literal,
/// a mapping is a secret reference. Writes it back the same way, so a profile round-trips.
/// </summary>
internal sealed class ContainerEnvironmentValueConverter : JsonConverter<ContainerEnvironmentValue>
{
    public override ContainerEnvironmentValue? ReadJson(JsonReader reader, Type objectType, ContainerEnvironmentValue? existingValue, bool hasExistingValue, JsonSerializer serializer)
    {
        var token = JToken.ReadFrom(reader);
        return token switch
        {
            JObject secret => ContainerEnvironmentValue.FromSecret(secret.ToObject<SecretReference>(serializer)!),
            JValue { Type: JTokenType.Boolean } flag => ContainerEnvironmentValue.FromLiteral((bool)flag! ? "true" : "false"),
            JValue { Value: IFormattable number } => ContainerEnvironmentValue.FromLiteral(number.ToString(null, CultureInfo.InvariantCulture)),
            JValue { Value: string text } => ContainerEnvironmentValue.FromLiteral(text),
            _ => throw new JsonSerializationException("an environment value must be text, a number, true/false, {env: NAME} or {file: path}"),
        };
    }

    public override void WriteJson(JsonWriter writer, ContainerEnvironmentValue? value, JsonSerializer serializer)
    {
        if (value?.Secret is { } secret)
        {
            serializer.Serialize(writer, secret);
        }
        else
        {
            writer.WriteValue(value?.Literal);
        }
    }
}
