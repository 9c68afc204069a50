using System.Diagnostics;
using System.Text.Json;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Security;
using Crm.Application.CustomFields.Common;
using Crm.Application.Exports.Common;
using Crm.Domain.CustomFields;
using Crm.Domain.Exports;
using Crm.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Infrastructure.Exports;

/// <summary>
/// Writes an export's file: its rows read page by page through the list's handler in the given services (a
/// scope whose request context is the requester's), the related names looked up per page, each page written and
/// forgotten before the next is read.
/// </summary>
internal static class ExportFile
{
    /// <param name="progress">Told the rows written and the total, about once a second; answering false stops the export.</param>
    /// <returns>The rows written, or null when <paramref name="progress"/> stopped it.</returns>
    public static async Task<long?> WriteAsync(
        IServiceProvider services,
        ExportRecordType recordType,
        ExportFormat format,
        object query,
        Stream output,
        Func<long, long, Task<bool>> progress,
        CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<CrmDbContext>();
        var source = ExportSources.For(recordType, services);
        var names = services.GetRequiredService<IExportNames>();
        var columns = await ColumnsAsync(services, recordType, source.Columns, cancellationToken);
        var related = columns.Where(c => c.NameOf is not null).ToList();
        long rows = 0;
        var reported = Stopwatch.StartNew();
        await using var writer = Writer(format, recordType, output, columns, names);
        await using var pages = source.PagesAsync(query, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var reading = pages.MoveNextAsync().AsTask();
        try
        {
            while (await reading)
            {
                var page = pages.Current;
                foreach (var column in related)
                {
                    await names.LoadAsync(column.NameOf!.Value, page.Rows.Select(column.Read).OfType<Guid>(), cancellationToken);
                }

                // Nothing a page read is needed once it is written; the next page is read while this one is written
                // (the database and the writer each keep a core busy), the context used by one of them at a time.
                db.ChangeTracker.Clear();
                reading = pages.MoveNextAsync().AsTask();
                await writer.WriteAsync(page.Rows, cancellationToken);
                rows += page.Rows.Count;
                if (reported.Elapsed >= TimeSpan.FromSeconds(1))
                {
                    reported.Restart();
                    if (!await progress(rows, Math.Max(page.Total, rows)))
                    {
                        return null;
                    }
                }
            }
        }
        finally
        {
            // A write that failed or a stop leaves the next page's read running: it ends before the pages are let go.
            await Task.WhenAny(reading);
        }

        await writer.CompleteAsync(cancellationToken);
        await progress(rows, rows);
        return rows;
    }

    /// <summary>
    /// The columns with a record's <c>custom_fields</c> spread into one column per field of the organization
    /// (<c>cf.&lt;key&gt;</c>, in the fields' order), empty where a record has no value.
    /// </summary>
    private static async Task<IReadOnlyList<ExportColumn>> ColumnsAsync(
        IServiceProvider services, ExportRecordType recordType, IReadOnlyList<ExportColumn> columns, CancellationToken cancellationToken)
    {
        var at = columns.ToList().FindIndex(c => c.Name == "custom_fields");
        if (at < 0)
        {
            return columns;
        }

        var type = recordType switch
        {
            ExportRecordType.Contacts => CustomFieldRecordType.Contact,
            ExportRecordType.Companies => CustomFieldRecordType.Company,
            _ => CustomFieldRecordType.Deal,
        };
        var store = services.GetRequiredService<IReadStore>();
        var organizationId = services.GetRequiredService<IRequestContext>().RequireOrganizationId();
        var keys = await store.ToListAsync(
            store.Query(new CustomFieldsOfOrganizationSpecification(organizationId, type)).Select(d => d.Key), cancellationToken);
        var values = columns[at];
        return
        [
            .. columns.Take(at),
            .. keys.Select(key => new ExportColumn(
                $"{CustomFieldFilter.Prefix}{key}",
                row => values.Read(row) is IReadOnlyDictionary<string, JsonElement> fields && fields.TryGetValue(key, out var value) ? value : null)),
            .. columns.Skip(at + 1),
        ];
    }

    private static IExportWriter Writer(
        ExportFormat format, ExportRecordType recordType, Stream output, IReadOnlyList<ExportColumn> columns, IExportNames names) =>
        format switch
        {
            ExportFormat.Csv => new CsvExportWriter(output, columns, names),
            ExportFormat.Json => new JsonExportWriter(output, columns, names),
            _ => new XlsxExportWriter(output, columns, names, ExportJobStore.Name(recordType)),
        };
}
