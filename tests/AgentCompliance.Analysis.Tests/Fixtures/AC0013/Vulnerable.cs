using System.Runtime.Serialization.Formatters.Binary;
using Newtonsoft.Json;

public static class MemoryStore
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        TypeNameHandling = TypeNameHandling.All, // expect: AC0013
    };

    public static object? Restore(string json) => JsonConvert.DeserializeObject(json, Settings);

    public static object? RestoreAuto(string json) =>
        JsonConvert.DeserializeObject(json, new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.Auto }); // expect: AC0013

    public static object Load(Stream stream)
    {
        var formatter = new BinaryFormatter(); // expect: AC0013
        return formatter.Deserialize(stream);
    }
}
