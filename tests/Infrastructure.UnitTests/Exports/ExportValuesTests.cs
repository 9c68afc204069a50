using System.Text;
using Crm.Application.Exports.Common;
using Crm.Domain.Deals;
using Crm.Infrastructure.Exports;
using Moq;

namespace Crm.Infrastructure.UnitTests.Exports;

public sealed class ExportValuesTests
{
    [Test]
    public void A_cell_reads_as_the_api_writes_it()
    {
        ExportValues.Text(null).ShouldBe(string.Empty);
        ExportValues.Text(new DateTime(2026, 12, 7, 9, 30, 0, DateTimeKind.Utc)).ShouldBe("2026-12-07T09:30:00Z");
        ExportValues.Text(new DateOnly(2026, 1, 2)).ShouldBe("2026-01-02");
        ExportValues.Text(1234.5m).ShouldBe("1234.5");
        ExportValues.Text(DealStatus.InProgress).ShouldBe("in_progress");
        ExportValues.Text(true).ShouldBe("true");
        ExportValues.Text(new[] { "vip", "a, b" }).ShouldBe("vip; a, b");
        ExportValues.Text(Guid.Empty).ShouldBe("00000000-0000-0000-0000-000000000000");
    }

    [Test]
    public void A_related_column_holds_the_name_of_the_record_its_id_names_and_nothing_without_one()
    {
        var id = Guid.NewGuid();
        var names = new Mock<IExportNames>();
        names.Setup(n => n.NameOf(ExportRelated.Contact, id)).Returns("Ada");
        var column = new ExportColumn("contact_name", row => row, ExportRelated.Contact);

        ExportValues.Cell(column, id, names.Object).ShouldBe("Ada");
        ExportValues.Cell(column, Guid.NewGuid(), names.Object).ShouldBeNull();
        ExportValues.Cell(new ExportColumn("title", row => row), "Deal", names.Object).ShouldBe("Deal");
    }

    [Test]
    public async Task Csv_starts_with_a_byte_order_mark_and_escapes_what_a_spreadsheet_would_run()
    {
        var columns = new[] { new ExportColumn("title", row => row) };
        using var output = new MemoryStream();
        await using (var writer = new CsvExportWriter(output, columns, Mock.Of<IExportNames>()))
        {
            await writer.WriteAsync(["=1+1", "+call", "plain, with \"quotes\""], CancellationToken.None);
            await writer.CompleteAsync(CancellationToken.None);
        }

        var bytes = output.ToArray();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldBe(["title", "\"'=1+1\"", "\"'+call\"", "\"plain, with \"\"quotes\"\"\""]);
    }

    [Test]
    public async Task An_empty_export_still_has_its_header_or_an_empty_array()
    {
        var columns = new[] { new ExportColumn("id", row => row), new ExportColumn("name", row => row) };
        using var csv = new MemoryStream();
        await using (var writer = new CsvExportWriter(csv, columns, Mock.Of<IExportNames>()))
        {
            await writer.CompleteAsync(CancellationToken.None);
        }

        using var json = new MemoryStream();
        await using (var writer = new JsonExportWriter(json, columns, Mock.Of<IExportNames>()))
        {
            await writer.CompleteAsync(CancellationToken.None);
        }

        Encoding.UTF8.GetString(csv.ToArray(), 3, (int)csv.Length - 3).ShouldBe("id,name\r\n");
        Encoding.UTF8.GetString(json.ToArray()).ShouldBe("[]");
    }

    private sealed record Row(Guid ContactId, string Title, DealStatus Status, decimal Amount);

    [Test]
    public async Task Json_follows_each_id_with_its_records_name_and_writes_values_as_the_api_does()
    {
        var contact = Guid.NewGuid();
        var names = new Mock<IExportNames>();
        names.Setup(n => n.NameOf(ExportRelated.Contact, contact)).Returns("Ada");
        var columns = new[]
        {
            new ExportColumn("contact_id", row => ((Row)row).ContactId),
            new ExportColumn("contact_name", row => ((Row)row).ContactId, ExportRelated.Contact),
        };
        using var output = new MemoryStream();
        await using (var writer = new JsonExportWriter(output, columns, names.Object))
        {
            await writer.WriteAsync([new Row(contact, "Engines \"A\"", DealStatus.InProgress, 12.50m)], CancellationToken.None);
            await writer.CompleteAsync(CancellationToken.None);
        }

        Encoding.UTF8.GetString(output.ToArray()).ShouldBe(
            $"[{{\"contact_id\":\"{contact}\",\"contact_name\":\"Ada\",\"title\":\"Engines \\u0022A\\u0022\",\"status\":\"in_progress\",\"amount\":12.50}}]");
    }

    [Test]
    public async Task Xlsx_cells_escape_markup_drop_what_xml_cannot_hold_and_leave_empty_cells_out()
    {
        var columns = new[] { new ExportColumn("text", row => ((object?[])row)[0]), new ExportColumn("number", row => ((object?[])row)[1]) };
        using var output = new MemoryStream();
        await using (var writer = new XlsxExportWriter(output, columns, Mock.Of<IExportNames>(), "tests"))
        {
            await writer.WriteAsync([new object?[] { "<b>&\u0001 ok ", 3.5m }, new object?[] { null, 7 }], CancellationToken.None);
            await writer.CompleteAsync(CancellationToken.None);
        }

        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(output.ToArray()));
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = await sheet.ReadToEndAsync();
        xml.ShouldContain("<c r=\"A2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">&lt;b&gt;&amp; ok </t></is></c><c r=\"B2\"><v>3.5</v></c>");
        xml.ShouldContain("<row><c r=\"B3\"><v>7</v></c></row>");
        System.Xml.Linq.XDocument.Parse(xml).Root!.Name.LocalName.ShouldBe("worksheet");
    }
}
