using System.Runtime.Serialization;

namespace AgentCompliance.Core.Configuration;

/// <summary>Whether the gate's verdict sets the exit code.</summary>
public enum GateMode
{
    [EnumMember(Value = "enforce")]
    Enforce,

    /// <summary>Evaluate and report the gate, but exit 0 whatever it says (for adopting the harness gradually).</summary>
    [EnumMember(Value = "report-only")]
    ReportOnly,
}
