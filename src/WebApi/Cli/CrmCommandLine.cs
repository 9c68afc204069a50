using System.CommandLine;
using Crm.Infrastructure.Data;
using Crm.Infrastructure.Seeding;

namespace Crm.WebApi.Cli;

/// <summary>The executable's commands: <c>serve</c> (the default), <c>migrate</c> and <c>seed</c>.</summary>
public static class CrmCommandLine
{
    public static Task<int> InvokeAsync(string[] args)
    {
        var root = new RootCommand("Crm, a multi-tenant CRM API. Serves the API unless another command is named.")
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

        var migrate = new Command("migrate", "Apply pending database migrations, then exit.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        migrate.SetAction((parse, ct) => MigrateAsync(parse.UnmatchedTokens, ct));
        root.Subcommands.Add(migrate);

        var ifEmpty = new Option<bool>("--if-empty")
        {
            Description = "Do nothing (and succeed) when the database already holds data.",
        };
        var force = new Option<bool>("--force") { Description = "Allow seeding in the Production environment." };
        var password = new Option<string>("--demo-password")
        {
            Description = "Password of the demo users (development default: demo-password-2026).",
            DefaultValueFactory = _ => "demo-password-2026",
        };
        var seed = new Command("seed", "Create demo data: an organization with a user of each role, contacts, deals and tasks.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        seed.Options.Add(ifEmpty);
        seed.Options.Add(force);
        seed.Options.Add(password);
        seed.SetAction((parse, ct) => SeedAsync(
            parse.UnmatchedTokens, parse.GetValue(ifEmpty), parse.GetValue(force), parse.GetValue(password)!, ct));
        root.Subcommands.Add(seed);

        return root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
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

    private static async Task<int> SeedAsync(
        IReadOnlyList<string> args, bool ifEmpty, bool force, string password, CancellationToken cancellationToken)
    {
        await using var app = CrmHost.CreateBuilder([.. args]).Build();
        if (app.Environment.IsProduction() && !force)
        {
            await Console.Error.WriteLineAsync("Refusing to seed demo data in Production; pass --force to do it anyway.");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        if (!await seeder.DatabaseIsEmptyAsync(cancellationToken))
        {
            if (!ifEmpty)
            {
                await Console.Error.WriteLineAsync("The database already holds data; nothing was seeded. Pass --if-empty to accept that.");
                return 1;
            }

            Console.WriteLine("The database already holds data; nothing was seeded.");
        }
        else
        {
            await seeder.SeedAsync(password, cancellationToken);
            Console.WriteLine($"Seeded the organization '{DemoSeeder.OrganizationName}' with contacts, deals and tasks.");
        }

        Console.WriteLine($"Demo users (password: {password}):");
        foreach (var user in DemoSeeder.Users)
        {
            Console.WriteLine($"  {user.Role.ToString().ToLowerInvariant(),-8} {user.Email}");
        }

        return 0;
    }
}
