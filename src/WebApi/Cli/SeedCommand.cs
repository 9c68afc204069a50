using System.CommandLine;
using System.Globalization;
using Crm.Infrastructure.Seeding;
using Spectre.Console;

namespace Crm.WebApi.Cli;

/// <summary>
/// <c>seed</c>: realistic, deterministic demo data in bulk. Refuses a database that already holds data (unless
/// --append or --if-empty) and the Production environment (unless --force).
/// </summary>
public static class SeedCommand
{
    public static Command Create()
    {
        var organizations = Count("--organizations", "Organizations to create.", 1, minimum: 1);
        var users = Count("--users", "Users per organization: an owner, an admin, a manager, then members.", 4, minimum: 1);
        var contacts = Count("--contacts", "Contacts per organization.", 20);
        var deals = Count("--deals", "Deals per organization, spread over every stage and status.", 30);
        var tasks = Count("--tasks", "Tasks per organization.", 20);
        var activities = Count("--activities", "Timeline entries per organization: each deal's own history, then comments up to this number.", 150);
        var randomSeed = new Option<int>("--random-seed") { Description = "Seed of the random generator: the same seed gives the same data.", DefaultValueFactory = _ => 42 };
        var password = new Option<string>("--demo-password")
        {
            Description = $"Password of every seeded user (development default: {SeedOptions.DevelopmentPassword}).",
            DefaultValueFactory = _ => SeedOptions.DevelopmentPassword,
        };
        password.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is not { Length: >= 10 })
            {
                result.AddError("--demo-password must have at least 10 characters.");
            }
        });
        var append = new Option<bool>("--append") { Description = "Add to a database that already holds data." };
        var ifEmpty = new Option<bool>("--if-empty") { Description = "Seed only an empty database; otherwise do nothing and succeed." };
        var force = new Option<bool>("--force") { Description = "Allow seeding in the Production environment." };

        var command = new Command("seed", "Create demo data in bulk: organizations with their members, companies, contacts, deals, tasks and timelines.")
        {
            organizations, users, contacts, deals, tasks, activities, randomSeed, password, append, ifEmpty, force,
        };
        command.SetAction((parse, ct) => parse.UnmatchedTokens.Count > 0
            ? Refuse($"Unknown arguments: {string.Join(' ', parse.UnmatchedTokens)}. Run seed --help for the options.")
            : RunAsync(
            new SeedOptions(
                parse.GetValue(organizations),
                parse.GetValue(users),
                parse.GetValue(contacts),
                parse.GetValue(deals),
                parse.GetValue(tasks),
                parse.GetValue(activities),
                parse.GetValue(randomSeed),
                parse.GetValue(password)!),
            parse.GetValue(append),
            parse.GetValue(ifEmpty),
            parse.GetValue(force),
            ct));
        return command;
    }

    private static async Task<int> Refuse(string message)
    {
        await Console.Error.WriteLineAsync(message);
        return CrmCommandLine.BadArguments;
    }

    private static async Task<int> RunAsync(SeedOptions options, bool append, bool ifEmpty, bool force, CancellationToken ct)
    {
        await using var app = CrmHost.CreateBuilder([]).Build();
        if (app.Environment.IsProduction() && !force)
        {
            await Console.Error.WriteLineAsync("Refusing to seed demo data in Production; pass --force to do it anyway.");
            return 1;
        }

        var seeder = app.Services.GetRequiredService<BulkSeeder>();
        if (!append && !await seeder.DatabaseIsEmptyAsync(ct))
        {
            if (ifEmpty)
            {
                Console.WriteLine("The database already holds data; nothing was seeded.");
                return 0;
            }

            await Console.Error.WriteLineAsync("The database already holds data; pass --append to add to it.");
            return 1;
        }

        var result = Interactive
            ? await AnsiConsole.Progress().AutoClear(false).StartAsync(context => seeder.SeedAsync(options, new BarProgress(context), ct))
            : await seeder.SeedAsync(options, new LineProgress(), ct);

        var seconds = Math.Max(result.Elapsed.TotalSeconds, 0.001);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Seeded {options.Organizations} organization(s): {result.Rows:N0} rows in {seconds:0.0} s ({result.Rows / seconds:N0} rows/s)."));
        PrintCredentials(result.Users, options.Password);
        return 0;
    }

    private static bool Interactive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    private static void PrintCredentials(IReadOnlyList<SeededUser> users, string password)
    {
        const int Shown = 8;
        Console.WriteLine($"Users (password: {password}):");
        foreach (var user in users.Take(Shown))
        {
            Console.WriteLine($"  {user.Role.ToString().ToLowerInvariant(),-8} {user.Email,-36} {user.Organization}");
        }

        if (users.Count > Shown)
        {
            Console.WriteLine($"  ... and {users.Count - Shown} more, named <role><n>@org<k>.demo.crm.test");
        }
    }

    private static Option<int> Count(string name, string description, int defaultValue, int minimum = 0)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            // A value that is not a number is already a parse error; only range-check numbers.
            if (result.Tokens is [var token] && int.TryParse(token.Value, CultureInfo.InvariantCulture, out var value) && value < minimum)
            {
                result.AddError($"{name} must be at least {minimum}.");
            }
        });
        return option;
    }

    /// <summary>A progress bar per table, on a terminal.</summary>
    private sealed class BarProgress(ProgressContext context) : IProgress<SeedProgress>
    {
        private readonly Dictionary<string, ProgressTask> _bars = [];

        public void Report(SeedProgress value)
        {
            if (!_bars.TryGetValue(value.Stage, out var bar))
            {
                bar = _bars[value.Stage] = context.AddTask(value.Stage, maxValue: Math.Max(1, value.Total));
            }

            bar.MaxValue = Math.Max(1, value.Total);
            bar.Value = value.Done;
        }
    }

    /// <summary>Plain lines when the output is not a terminal (logs, CI).</summary>
    private sealed class LineProgress : IProgress<SeedProgress>
    {
        public void Report(SeedProgress value) =>
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed: {value.Stage} {value.Done:N0}/{value.Total:N0}"));
    }
}
