using System.CommandLine;
using Crm.Infrastructure.Configuration;

namespace Crm.WebApi.Cli;

/// <summary>
/// <c>check-config</c>: reads the configuration as <c>serve</c> would and prints every setting's effective value,
/// secrets masked; exits <see cref="CrmCommandLine.BadConfiguration"/> naming each problem, 0 when the service could start.
/// </summary>
public static class CheckConfigCommand
{
    public static Command Create()
    {
        var command = new Command(
            "check-config",
            "Print the effective configuration (secrets masked) and check it as the service does at start-up; exits non-zero on a problem. " +
            "--environment and --Section:Key=value pass through.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async (parse, _) => await CrmCommandLine.HostTokensAsync(parse) is { } args
            ? await RunAsync(args)
            : CrmCommandLine.BadArguments);
        return command;
    }

    private static async Task<int> RunAsync(string[] args)
    {
        await using var app = CrmHost.CreateBuilder(args).Build();
        Console.WriteLine($"Environment = {app.Environment.EnvironmentName}");
        Console.WriteLine($"Urls = {app.Configuration["urls"] ?? $"http ports {app.Configuration["http_ports"] ?? "(framework default)"}"}");
        foreach (var (path, value) in ConfigurationCheck.Effective(app.Services))
        {
            Console.WriteLine($"{path} = {value}");
        }

        var problems = ConfigurationCheck.Problems(app.Services);
        if (problems.Count > 0)
        {
            await CrmCommandLine.ReportAsync(problems);
            return CrmCommandLine.BadConfiguration;
        }

        Console.WriteLine("The configuration is valid.");
        return 0;
    }
}
