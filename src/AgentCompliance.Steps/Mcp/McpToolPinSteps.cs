using AgentCompliance.Core.Configuration;
using AgentCompliance.Probes.Http;
using AgentCompliance.Probes.Mcp;
using Reqnroll;

namespace AgentCompliance.Steps.Mcp;

/// <summary>
/// Pins each MCP server's tool inventory by hash and reports drift between runs. Workflow: a scenario with the
/// recording step writes each server's <c>toolPinFile</c> once the inventory has been reviewed; the file is committed;
/// every later run compares against it, and a changed, added or removed tool fails the control until the change is
/// reviewed and the pin recorded again. Recording is only ever done by the step that says so.
/// </summary>
[Binding]
public sealed class McpToolPinSteps(McpServerContext context)
{
    /// <summary>
    /// Writes each server's current tool inventory (per-tool and overall hashes) to its <c>toolPinFile</c>, replacing
    /// an earlier pin. Run it deliberately after reviewing the tools; the bundled scenarios only compare.
    /// </summary>
    /// <example>When the tool inventory of every MCP server is pinned</example>
    [When("the tool inventory of every MCP server is pinned")]
    public async Task WhenTheToolInventoryOfEveryMcpServerIsPinned()
    {
        var problems = await context.CheckEveryServerAsync(async server =>
        {
            if (PinFile(server) is not { } path)
            {
                return [$"MCP server '{server.Name}' has no toolPinFile in the profile, so there is nowhere to write its pin"];
            }

            var pin = ToolPin.Of(server.Name, await context.ToolsAsync(server).ConfigureAwait(false));
            await pin.WriteAsync(path).ConfigureAwait(false);
            context.Deployment.Note($"pinned tools of MCP server '{server.Name}'", $"{context.Display(path)}: {pin.InventoryHash} ({pin.Tools.Count} tools)");
            return [];
        }).ConfigureAwait(false);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        }
    }

    /// <summary>
    /// Each server's tool inventory hashes the same as its <c>toolPinFile</c>: no tool added, removed or changed in
    /// name, title, description, input or output schema or annotations. A server without a pin fails, saying how to
    /// record one.
    /// </summary>
    /// <example>Then the tool inventory of every MCP server matches its pin</example>
    [Then("the tool inventory of every MCP server matches its pin")]
    public async Task ThenTheToolInventoryOfEveryMcpServerMatchesItsPin()
    {
        var violations = await context.CheckEveryServerAsync(async server =>
        {
            if (PinFile(server) is not { } path)
            {
                return [$"MCP server '{server.Name}' has no toolPinFile in the profile, so drift of its tools cannot be detected"];
            }

            if (!File.Exists(path))
            {
                return [$"MCP server '{server.Name}' has no pin at {context.Display(path)} yet: review its tools, record the pin with the step 'When the tool inventory of every MCP server is pinned', and commit the file"];
            }

            ToolPin pinned;
            try
            {
                pinned = await ToolPin.ReadAsync(path).ConfigureAwait(false);
            }
            catch (InvalidDataException e)
            {
                throw new ProbeFailedException(e.Message.Replace(path, context.Display(path), StringComparison.Ordinal));
            }

            var current = ToolPin.Of(server.Name, await context.ToolsAsync(server).ConfigureAwait(false));
            var drift = pinned.CompareWith(current);
            if (drift.IsNone)
            {
                context.Deployment.Note($"tool pin of MCP server '{server.Name}'", $"{context.Display(path)}: {current.InventoryHash} matches");
                return [];
            }

            return [$"MCP server '{server.Name}' drifted from its pin {context.Display(path)} (pinned {drift.PinnedHash}, now {drift.CurrentHash}): {string.Join("; ", drift.Describe())}"];
        }).ConfigureAwait(false);
        ControlFailedException.ThrowIfAny(violations, "MCP tool inventories that do not match their reviewed pins");
    }

    private static string? PinFile(McpServerEndpoint server) => server.ToolPinFile;
}
