using Crm.Application.Common.Caching;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Models;
using Crm.Domain.Common;

namespace Crm.Application.UnitTests.Paging;

public sealed class CursorPagingTests
{
    private static readonly DateTime Start = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);

    [Test]
    public void A_cursor_survives_encoding_exactly()
    {
        var cursor = new PageCursor(Start.AddTicks(12345), Guid.CreateVersion7(), 10_000, SortOrder.Desc, 123_456);

        PageCursor.Decode(cursor.Encode()).ShouldBe(cursor);
    }

    [TestCase("")]
    [TestCase("%%%")]
    [TestCase("YzEuMTIzLnh5ei4wLmE")]
    [TestCase("YzIuMTIzLjAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAuMC5h")]
    public void Anything_else_is_refused_as_invalid_cursor(string value)
    {
        Should.Throw<InvalidInputException>(() => PageCursor.Decode(value)).Code.ShouldBe("invalid_cursor");
    }

    [Test]
    public async Task Walking_the_cursors_visits_every_row_once_with_ties_on_time_broken_by_id()
    {
        var rows = Enumerable.Range(0, 11)
            .Select(i => new Row(Guid.CreateVersion7(), Start.AddSeconds(i / 3)))
            .ToArray();
        var store = new InMemoryReadStore().With(rows);
        var ordered = store.Query<Row>().OrderBy(r => r.CreatedAt).ThenBy(r => r.Id);

        var page = await store.ToPageAsync(ordered, new Request(1, 4, null), SortOrder.Asc, new StoreCount(store), Key, CancellationToken.None);
        var seen = page.Items.ToList();
        var numbers = new List<int> { page.Page };
        while (page.NextCursor is { } next)
        {
            page = await store.ToPageAsync(ordered, new Request(1, 4, next), SortOrder.Asc, new StoreCount(store), Key, CancellationToken.None);
            seen.AddRange(page.Items);
            numbers.Add(page.Page);
        }

        seen.ShouldBe(rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id));
        numbers.ShouldBe([1, 2, 3]);
        page.Total.ShouldBe(11);
    }

    [Test]
    public async Task Rows_added_during_a_walk_are_still_reached_while_the_total_stays_the_one_counted_first()
    {
        var rows = Enumerable.Range(0, 4).Select(i => new Row(Guid.CreateVersion7(), Start.AddSeconds(i))).ToList();
        var first = await PageAsync(rows, null);
        rows.Add(new Row(Guid.CreateVersion7(), Start.AddSeconds(10)));

        var second = await PageAsync(rows, first.NextCursor);
        var third = await PageAsync(rows, second.NextCursor);

        first.Total.ShouldBe(4);
        second.Total.ShouldBe(4);
        second.Items.ShouldBe(rows[2..4]);
        third.Items.ShouldBe([rows[4]]);
        third.Total.ShouldBe(5);
        third.NextCursor.ShouldBeNull();

        static Task<PagedList<Row>> PageAsync(List<Row> rows, string? cursor)
        {
            var store = new InMemoryReadStore().With([.. rows]);
            return store.ToPageAsync(
                store.Query<Row>().OrderBy(r => r.CreatedAt).ThenBy(r => r.Id), new Request(1, 2, cursor), SortOrder.Asc, new StoreCount(store), Key, CancellationToken.None);
        }
    }

    [Test]
    public async Task A_list_in_another_order_issues_no_cursor_and_refuses_one()
    {
        var store = new InMemoryReadStore().With(new Row(Guid.CreateVersion7(), Start), new Row(Guid.CreateVersion7(), Start));
        var query = store.Query<Row>().OrderBy(r => r.Id);
        var cursor = new PageCursor(Start, Guid.Empty, 1, SortOrder.Asc, 2).Encode();

        (await store.ToPageAsync(query, new Request(1, 1, null), null, new StoreCount(store), Key, CancellationToken.None)).NextCursor.ShouldBeNull();
        (await Should.ThrowAsync<InvalidInputException>(
            () => store.ToPageAsync(query, new Request(1, 1, cursor), null, new StoreCount(store), Key, CancellationToken.None))).Code.ShouldBe("cursor_not_supported");
    }

    [Test]
    public async Task A_cursor_issued_for_one_direction_is_refused_in_the_other()
    {
        var store = new InMemoryReadStore().With(new Row(Guid.CreateVersion7(), Start));
        var cursor = new PageCursor(Start, Guid.Empty, 1, SortOrder.Desc, 1).Encode();

        var failure = await Should.ThrowAsync<InvalidInputException>(
            () => store.ToPageAsync(store.Query<Row>().OrderBy(r => r.CreatedAt), new Request(1, 1, cursor), SortOrder.Asc, new StoreCount(store), Key, CancellationToken.None));

        failure.Code.ShouldBe("invalid_cursor");
    }

    [Test]
    public void A_page_number_beside_a_cursor_is_a_validation_error()
    {
        PagingValidator.Instance.Validate(new Request(2, 20, "x")).Errors.Select(e => e.PropertyName).ShouldBe(["Page"]);
        PagingValidator.Instance.Validate(new Request(1, 20, "x")).IsValid.ShouldBeTrue();
    }

    private static readonly ListTotalKey Key = new(typeof(Row), string.Empty);

    private sealed class StoreCount(InMemoryReadStore store) : IListTotals
    {
        public Task<int> CountAsync<T>(IQueryable<T> query, ListTotalKey key, CancellationToken cancellationToken) =>
            store.CountAsync(query, cancellationToken);
    }

    private sealed record Row(Guid Id, DateTime CreatedAt) : ICreationOrdered;

    private sealed record Request(int Page, int PageSize, string? Cursor) : IPagedRequest;
}
