using System.Runtime.Serialization;

namespace AgentCompliance.Core.SystemModels;

/// <summary>How much harm a misused tool can do, from reading data to moving money or changing privileges.</summary>
public enum ToolSensitivity
{
    [EnumMember(Value = "read")]
    Read,

    [EnumMember(Value = "write")]
    Write,

    [EnumMember(Value = "destructive")]
    Destructive,

    [EnumMember(Value = "financial")]
    Financial,

    [EnumMember(Value = "privileged")]
    Privileged,
}
