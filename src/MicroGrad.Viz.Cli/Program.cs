using MicroGrad.Viz.Cli;

return await MgvizCommandLine.RunAsync(args, ToolConsole.System).ConfigureAwait(false);
