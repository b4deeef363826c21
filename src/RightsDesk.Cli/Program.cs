using RightsDesk.Cli;

return await CliApp.RunAsync(args);
