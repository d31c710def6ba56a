using Reqnroll.Bindings;
using Reqnroll.Bindings.Reflection;

namespace AgentCompliance.Scenarios.Execution;

/// <summary>How bindings are named in results: methods as <c>Namespace.Type.Method(ParamTypes)</c>, step
/// definitions as <c>Given &lt;expression&gt; [method]</c> so a reader can find both the pattern and the code.</summary>
internal static class BindingDescriptions
{
    public static string Method(IBindingMethod method) =>
        $"{method.Type.FullName}.{method.Name}({string.Join(", ", method.Parameters.Select(parameter => parameter.Type.Name))})";

    public static string StepDefinition(IStepDefinitionBinding binding) =>
        $"{binding.StepDefinitionType} {binding.SourceExpression} [{Method(binding.Method)}]";
}
