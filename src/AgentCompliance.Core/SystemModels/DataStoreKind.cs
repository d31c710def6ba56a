using System.Runtime.Serialization;

namespace AgentCompliance.Core.SystemModels;

/// <summary>What kind of data store an element is.</summary>
public enum DataStoreKind
{
    [EnumMember(Value = "vector-store")]
    VectorStore,

    [EnumMember(Value = "relational-database")]
    RelationalDatabase,

    [EnumMember(Value = "document-database")]
    DocumentDatabase,

    [EnumMember(Value = "object-store")]
    ObjectStore,

    [EnumMember(Value = "file-system")]
    FileSystem,

    [EnumMember(Value = "cache")]
    Cache,

    [EnumMember(Value = "message-queue")]
    MessageQueue,

    [EnumMember(Value = "other")]
    Other,
}
