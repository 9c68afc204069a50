using Crm.Infrastructure.Storage;

namespace Crm.Infrastructure.UnitTests.Storage;

public sealed class DownloadNameTests
{
    [Test]
    public void An_ascii_name_needs_no_second_form()
    {
        DownloadName.ContentDisposition("report-2026.pdf").ShouldBe("attachment; filename=\"report-2026.pdf\"");
    }

    [Test]
    public void Other_names_get_an_ascii_fallback_and_the_exact_utf8_form()
    {
        DownloadName.ContentDisposition("naïve café.txt")
            .ShouldBe("attachment; filename=\"na_ve caf_.txt\"; filename*=UTF-8''na%C3%AFve%20caf%C3%A9.txt");
    }

    [Test]
    public void Quotes_backslashes_and_control_characters_cannot_break_the_header()
    {
        var header = DownloadName.ContentDisposition("a\"b\\c\r\nSet-Cookie: x=1\u0000.txt");

        header.ShouldBe("attachment; filename=\"a_b_cSet-Cookie: x=1.txt\"; filename*=UTF-8''a%22b%5CcSet-Cookie%3A%20x%3D1.txt");
        header.ShouldAllBe(c => c >= 0x20 && c < 0x7F);
    }

    [Test]
    public void Characters_beyond_the_basic_plane_are_one_fallback_character()
    {
        DownloadName.ContentDisposition("🙂.png").ShouldBe("attachment; filename=\"_.png\"; filename*=UTF-8''%F0%9F%99%82.png");
    }
}
