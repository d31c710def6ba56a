using System.Text.Json;
using Newtonsoft.Json;

public static class MemoryStore
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        TypeNameHandling = TypeNameHandling.None,
    };

    public static MemoryRecord? Restore(string json) => JsonConvert.DeserializeObject<MemoryRecord>(json, Settings);

    public static MemoryRecord? Load(Stream stream) => System.Text.Json.JsonSerializer.Deserialize<MemoryRecord>(stream);
}
