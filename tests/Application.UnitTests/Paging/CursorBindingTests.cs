using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Models;
using Pages = Crm.Application.Common.Models.Paging;

namespace Crm.Application.UnitTests.Paging;

public sealed class CursorBindingTests
{
    [Test]
    public void The_binding_ignores_paging_but_not_the_list_its_filters_or_its_reader()
    {
        var binding = CursorBinding.Of(new People(1, 20, null, "ada"), "org/user");

        CursorBinding.Of(new People(1, 50, "cursor", "ada"), "org/user").ShouldBe(binding);
        CursorBinding.Of(new People(1, 20, null, "bob"), "org/user").ShouldNotBe(binding);
        CursorBinding.Of(new People(1, 20, null, "ada"), "other-org/user").ShouldNotBe(binding);
        CursorBinding.Of(new Companies(1, 20, null, "ada"), "org/user").ShouldNotBe(binding);
    }

    [TestCase(0)]
    [TestCase(Pages.MaxPage + 1)]
    [TestCase(21474838)]
    [TestCase(int.MaxValue)]
    public void A_page_out_of_range_is_refused_before_any_offset_is_computed(int page)
    {
        var error = Should.Throw<ValidationException>(
            () => Pages.Offset(new People(page, 100, null, null)));

        error.Errors.Keys.ShouldBe(["Page"]);
    }

    [Test]
    public void The_deepest_page_has_an_offset_that_fits()
    {
        Pages.Offset(new People(Pages.MaxPage, 100, null, null)).ShouldBe(999_900);
    }

    private sealed record People(int Page, int PageSize, string? Cursor, string? Search) : IPagedRequest;

    private sealed record Companies(int Page, int PageSize, string? Cursor, string? Search) : IPagedRequest;
}
