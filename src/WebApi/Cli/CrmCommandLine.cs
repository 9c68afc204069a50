using System.CommandLine;
using Crm.Infrastructure.Data;

namespace Crm.WebApi.Cli;

/// <summary>The executable's commands: <c>serve</c> (the default), <c>migrate</c> and <c>seed</c>.</summary>
public static class CrmCommandLine
{
    /// <summary>The exit code of a command line that could not be understood.</summary>
    public const int BadArguments = 2;

    public static async Task<int> InvokeAsync(string[] args)
    {
        var root = new RootCommand(
            "Crm, a multi-tenant CRM API. Serves the API unless another command is named. Configuration comes from " +
            "appsettings.json, environment variables (ConnectionStrings__Crm, Auth__SigningKeys__0, ...) and --key=value.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction((parse, ct) => ServeAsync(parse.UnmatchedTokens, ct));

        var serve = new Command("serve", "Serve the HTTP API (the default). ASP.NET Core options such as --urls pass through.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        serve.SetAction((parse, ct) => ServeAsync(parse.UnmatchedTokens, ct));
        root.Subcommands.Add(serve);

        var migrate = new Command("migrate", "Apply pending database migrations, then exit. Safe when several instances start at once.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        migrate.SetAction((parse, ct) => MigrateAsync(parse.UnmatchedTokens, ct));
        root.Subcommands.Add(migrate);
        root.Subcommands.Add(SeedCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(OrganizationsCommand.Create());
        root.Subcommands.Add(BackupCommand.Create());
        root.Subcommands.Add(RestoreCommand.Create());
        root.Subcommands.Add(VerifyBackupCommand.Create());

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message);
            }

            await Console.Error.WriteLineAsync("Run with --help to see the commands and their options.");
            return BadArguments;
        }

        // No termination timeout: on SIGTERM the host itself stops accepting, drains in-flight requests for up to
        // Shutdown:Timeout and hands back its leases; the parser's own two-second limit would cut that short.
        return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
    }

    private static async Task<int> ServeAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var app = CrmHost.BuildApp(CrmHost.CreateBuilder([.. args]));
        await app.RunAsync(cancellationToken);
        return 0;
    }

    private static async Task<int> MigrateAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        await using var app = CrmHost.CreateBuilder([.. args]).Build();
        var applied = await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        Console.WriteLine(applied.Count == 0
            ? "The database is up to date."
            : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
        return 0;
    }
}
