using Crm.WebApi.Cli;

return await CrmCommandLine.InvokeAsync(args);

/// <summary>The entry point; public so that tests can host the API.</summary>
public partial class Program;
