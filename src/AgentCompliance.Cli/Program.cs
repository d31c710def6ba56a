using AgentCompliance.Cli;

return await AgentComplianceApp.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
