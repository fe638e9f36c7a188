using Rfc.Cli;

return await RfcApp.RunAsync(args).ConfigureAwait(false);
