using System.Globalization;
using System.Text;
using System.Text.Json;
using Crm.Application.Imports.Common;
using Crm.Domain.Imports;
using CsvHelper;
using Npgsql;

namespace Crm.Infrastructure.Imports;

/// <summary>
/// An import's failed rows as CSV in row order, streamed as they are read: RFC 4180, UTF-8 with a byte order mark,
/// formula-like cells escaped as in exports; <c>row</c> is the row's number in the file (the header is row 1).
/// </summary>
internal sealed class ImportErrorsFile(NpgsqlDataSource dataSource) : IImportErrorsFile
{
    public async Task WriteAsync(ImportJob job, Stream output, CancellationToken cancellationToken)
    {
        var headers = JsonSerializer.Deserialize<string[]>(job.Headers) ?? [];
        await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 65_536, leaveOpen: true);
        await using var csv = CsvWriter.Create(
            text, new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture, Injection = CsvInjection.Escape }, leaveOpen: true);
        await csv.WriteRecordAsync(["row", "code", "detail", .. headers], cancellationToken);
        await using var command = dataSource.CreateCommand(
            "SELECT row, code, detail, values::text FROM import_errors WHERE import_id = $1 AND organization_id = $2 ORDER BY row");
        command.Parameters.Add(new NpgsqlParameter { Value = job.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = job.OrganizationId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = JsonSerializer.Deserialize<string[]>(reader.GetString(3)) ?? [];
            await csv.WriteRecordAsync(
                [reader.GetInt64(0).ToString(CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2), .. values],
                cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
        await text.FlushAsync(cancellationToken);
    }
}
