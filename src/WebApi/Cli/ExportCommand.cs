using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Crm.Application.Common.Exceptions;
using Crm.Domain.Exports;
using Crm.Infrastructure.Exports;
using Crm.WebApi.Http;
using Spectre.Console;

namespace Crm.WebApi.Cli;

/// <summary>
/// <c>export</c>: an organization's contacts, companies, deals, tasks or activities to a CSV, JSON or XLSX file, with the list
/// endpoint's filters (<c>--filter status=won --filter min_amount=1000</c>), as the API's exports write them.
/// </summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var organization = new Option<Guid>("--organization") { Description = "The organization's id.", Required = true };
        var type = new Option<string>("--type") { Description = "contacts, companies, deals, tasks or activities.", Required = true };
        var format = new Option<string>("--format") { Description = "csv (the default), json or xlsx.", DefaultValueFactory = _ => "csv" };
        var output = new Option<FileInfo>("--out") { Description = "The file to write (replaced if it exists).", Required = true };
        var filters = new Option<string[]>("--filter")
        {
            Description = "A filter of the list endpoint as name=value; repeat it for more, or for more values of one filter.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("export", "Write an organization's records to a CSV, JSON or XLSX file, filtered as the list endpoints filter.")
        {
            organization, type, format, output, filters,
        };
        command.SetAction((parse, ct) => parse.UnmatchedTokens.Count > 0
            ? Refuse($"Unknown arguments: {string.Join(' ', parse.UnmatchedTokens)}. Run export --help for the options.")
            : RunAsync(parse.GetValue(organization), parse.GetValue(type)!, parse.GetValue(format)!, parse.GetValue(output)!, parse.GetValue(filters) ?? [], ct));
        return command;
    }

    private static async Task<int> RunAsync(Guid organizationId, string type, string format, FileInfo output, string[] filters, CancellationToken ct)
    {
        ExportRecordType recordType;
        ExportFormat fileFormat;
        object query;
        try
        {
            recordType = QueryValues.Enum<ExportRecordType>("--type", type)!.Value;
            fileFormat = QueryValues.Enum<ExportFormat>("--format", format)!.Value;
            query = ExportFilterBinder.Bind(recordType, Filters(filters));
        }
        catch (ValidationException invalid)
        {
            return await Refuse(string.Join(Environment.NewLine, invalid.Errors.Select(e => $"{e.Key}: {string.Join("; ", e.Value)}")));
        }
        catch (FormatException bad)
        {
            return await Refuse(bad.Message);
        }

        await using var app = CrmHost.CreateBuilder([]).Build();
        var exporter = app.Services.GetRequiredService<IOrganizationExporter>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        long rows;
        try
        {
            await using var file = new FileStream(output.FullName, FileMode.Create, FileAccess.Write, FileShare.None, 65_536, FileOptions.Asynchronous);
            rows = Interactive
                ? await AnsiConsole.Progress().AutoClear(false).StartAsync(async context =>
                {
                    var bar = context.AddTask($"{recordType.ToString().ToLowerInvariant()} → {output.Name}", maxValue: 1);
                    return await exporter.ExportAsync(organizationId, recordType, fileFormat, query, file, new Progress<ExportProgress>(p =>
                    {
                        bar.MaxValue = Math.Max(p.Total, 1);
                        bar.Value = p.Done;
                    }), ct);
                })
                : await exporter.ExportAsync(organizationId, recordType, fileFormat, query, file, new Progress<ExportProgress>(p =>
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Done:N0} of {p.Total:N0} rows"))), ct);
        }
        catch (Exception e) when (e is InvalidOperationException or ValidationException or CodedException)
        {
            output.Refresh();
            if (output.Exists)
            {
                output.Delete();
            }

            await Console.Error.WriteLineAsync(e is ValidationException invalid
                ? string.Join(Environment.NewLine, invalid.Errors.Select(x => $"{x.Key}: {string.Join("; ", x.Value)}"))
                : e.Message);
            return 1;
        }

        var seconds = Math.Max(started.Elapsed.TotalSeconds, 0.001);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Exported {rows:N0} rows to {output.FullName} in {seconds:0.0} s ({rows / seconds:N0} rows/s)."));
        return 0;
    }

    /// <summary>The --filter values as the API's filters object: name to its values.</summary>
    private static JsonElement Filters(string[] filters)
    {
        var grouped = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var filter in filters)
        {
            var equals = filter.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"--filter {filter}: write it as name=value.");
            }

            var name = filter[..equals];
            if (!grouped.TryGetValue(name, out var values))
            {
                grouped[name] = values = [];
            }

            values.Add(filter[(equals + 1)..]);
        }

        return JsonSerializer.SerializeToElement(grouped);
    }

    private static async Task<int> Refuse(string message)
    {
        await Console.Error.WriteLineAsync(message);
        return CrmCommandLine.BadArguments;
    }

    private static bool Interactive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
}
