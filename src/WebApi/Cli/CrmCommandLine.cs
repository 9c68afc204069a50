using System.CommandLine;
using Crm.Infrastructure.Configuration;
using Crm.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace Crm.WebApi.Cli;

/// <summary>The executable's commands: <c>serve</c> (the default), <c>migrate</c>, <c>seed</c>, <c>check-config</c> and the others.</summary>
public static class CrmCommandLine
{
    /// <summary>The exit code of a command line that could not be understood.</summary>
    public const int BadArguments = 2;

    /// <summary>The exit code of a configuration that cannot work (EX_CONFIG of sysexits; the systemd unit does not restart on it).</summary>
    public const int BadConfiguration = 78;

    public static async Task<int> InvokeAsync(string[] args)
    {
        var root = new RootCommand(
            "Crm, a multi-tenant CRM API. Serves the API unless another command is named. Configuration comes from " +
            "appsettings.json, environment variables (ConnectionStrings__Crm, Auth__SigningKeys__0, ...) and " +
            "--Section:Key=value; the host's own --urls and --environment pass through too.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction(ServeAsync);

        var serve = new Command("serve", "Serve the HTTP API (the default). --urls, --environment and --Section:Key=value pass through.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        serve.SetAction(ServeAsync);
        root.Subcommands.Add(serve);

        var migrate = new Command("migrate", "Apply pending database migrations, then exit. Safe when several instances start at once.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        migrate.SetAction(MigrateAsync);
        root.Subcommands.Add(migrate);
        root.Subcommands.Add(SeedCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(OrganizationsCommand.Create());
        root.Subcommands.Add(BackupCommand.Create());
        root.Subcommands.Add(RestoreCommand.Create());
        root.Subcommands.Add(VerifyBackupCommand.Create());
        root.Subcommands.Add(CheckConfigCommand.Create());

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message);
            }

            return await UsageAsync(root, parsed);
        }

        try
        {
            // No termination timeout: on SIGTERM the host itself stops accepting, drains in-flight requests for up to
            // Shutdown:Timeout and hands back its leases; the parser's own two-second limit would cut that short.
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
        catch (Exception e) when (ConfigurationProblems(e) is { Count: > 0 } problems)
        {
            await ReportAsync(problems);
            return BadConfiguration;
        }
    }

    /// <summary>Prints each problem on one line, naming its setting.</summary>
    public static async Task ReportAsync(IEnumerable<string> problems)
    {
        foreach (var problem in problems)
        {
            await Console.Error.WriteLineAsync($"Configuration error: {problem}");
        }
    }

    /// <summary>The tokens a host command passes on, or null (after printing the usage) when one is not a setting.</summary>
    public static async Task<string[]?> HostTokensAsync(ParseResult parse)
    {
        var root = parse.RootCommandResult.Command;
        if (HostArguments.FirstUnknown(parse.UnmatchedTokens) is not { } unknown)
        {
            return [.. parse.UnmatchedTokens];
        }

        var command = parse.CommandResult.Command;
        var suggestion = command == root && !unknown.StartsWith('-')
            ? root.Subcommands.Select(c => c.Name).FirstOrDefault(name => Distance(name, unknown) <= 2)
            : null;
        await Console.Error.WriteLineAsync(
            (command == root && !unknown.StartsWith('-') ? $"Unknown command '{unknown}'." : $"Unknown option '{unknown}'.")
            + (suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?"));
        await UsageAsync(root, parse);
        return null;
    }

    /// <summary>Prints the usage of the command that was being parsed on standard error and answers <see cref="BadArguments"/>.</summary>
    private static async Task<int> UsageAsync(Command root, ParseResult parse)
    {
        var path = new List<string>();
        for (var result = parse.CommandResult; result.Command != root; result = (System.CommandLine.Parsing.CommandResult)result.Parent!)
        {
            path.Insert(0, result.Command.Name);
        }

        await root.Parse([.. path, "--help"]).InvokeAsync(new InvocationConfiguration { Output = Console.Error });
        return BadArguments;
    }

    private static async Task<int> ServeAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (await HostTokensAsync(parse) is not { } args)
        {
            return BadArguments;
        }

        // BuildApp checks the configuration before the host starts, so that a wrong setting stops it with one line
        // (InvalidConfigurationException, reported by InvokeAsync) rather than a logged stack trace.
        var app = CrmHost.BuildApp(CrmHost.CreateBuilder(args));
        await app.RunAsync(cancellationToken);
        return 0;
    }

    private static async Task<int> MigrateAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (await HostTokensAsync(parse) is not { } args)
        {
            return BadArguments;
        }

        await using var app = CrmHost.CreateBuilder(args).Build();
        ConfigurationCheck.ThrowIfInvalid(app.Services);

        var applied = await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        Console.WriteLine(applied.Count == 0
            ? "The database is up to date."
            : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
        return 0;
    }

    /// <summary>The settings at fault when a command failed on its configuration: a failed validation, or a value the binder could not convert.</summary>
    private static IReadOnlyList<string> ConfigurationProblems(Exception exception) => exception switch
    {
        InvalidConfigurationException invalid => invalid.Problems,
        OptionsValidationException invalid => invalid.Failures.ToList(),
        AggregateException all => all.InnerExceptions.SelectMany(ConfigurationProblems).ToList(),
        InvalidOperationException { Message: var message } when message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => [message],
        _ => exception.InnerException is { } inner ? ConfigurationProblems(inner) : [],
    };

    /// <summary>How many single-character edits turn one word into the other (to suggest the command meant).</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
