using System.Text;
using Crm.Domain.Imports;
using Crm.Infrastructure.Imports;

namespace Crm.Infrastructure.UnitTests.Imports;

public sealed class ImportFileRowsTests
{
    private static List<string[]> Read(string text) =>
        [.. ImportFileRows.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), ImportFileFormat.Csv)];

    [Test]
    public void Quoted_cells_hold_separators_doubled_quotes_and_line_breaks()
    {
        var rows = Read("name,notes\r\n\"Lovelace, Ada\",\"said \"\"hi\"\"\nthen left\"\r\nBob,\r\n");

        rows.Count.ShouldBe(3);
        rows[1].ShouldBe(["Lovelace, Ada", "said \"hi\"\nthen left"]);
        rows[2].ShouldBe(["Bob", string.Empty]);
    }

    [Test]
    public void The_separator_is_the_first_met_on_the_first_line_and_a_byte_order_mark_and_blank_lines_are_skipped()
    {
        var rows = Read("\uFEFFname;email\n\nAda;ada@example.com\n;\n");

        rows.Count.ShouldBe(2);
        rows[0].ShouldBe(["name", "email"]);
        rows[1].ShouldBe(["Ada", "ada@example.com"]);
    }

    [Test]
    public void Bytes_that_are_not_utf8_are_refused_and_a_zip_is_read_as_a_workbook()
    {
        Should.Throw<DecoderFallbackException>(() => ImportFileRows.Read(new MemoryStream([0x6E, 0x0A, 0x4A, 0x6F, 0x73, 0xE9, 0x0A]), ImportFileFormat.Csv).ToList());
        ImportFileRows.Detect(new MemoryStream([0x50, 0x4B, 0x03, 0x04, 0x14])).ShouldBe(ImportFileFormat.Xlsx);
        ImportFileRows.Detect(new MemoryStream(Encoding.UTF8.GetBytes("name\n"))).ShouldBe(ImportFileFormat.Csv);
    }
}
