using Crm.Application.AuditLogs.Queries.ExportAuditLogs;
using Crm.Application.Deals.Queries.ListDeals;
using Crm.Application.Search.Queries.SearchRecords;
using Crm.Domain.Deals;

namespace Crm.Application.UnitTests.Validation;

public sealed class QueryBoundsTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);
    private readonly ExportAuditLogsValidator _export = new(new FixedTime(Now));

    [TestCase(200, true)]
    [TestCase(201, false)]
    public void Search_text_is_bounded(int length, bool valid) =>
        new SearchRecordsValidator().Validate(new SearchRecordsQuery(new string('a', length))).IsValid.ShouldBe(valid);

    [TestCase(20, true)]
    [TestCase(21, false)]
    public void A_repeatable_filter_takes_a_bounded_number_of_values_counting_repeats(int count, bool valid)
    {
        var deals = new ListDealsValidator().Validate(new ListDealsQuery(Status: Enumerable.Repeat(DealStatus.New, count).ToList()));
        var search = new SearchRecordsValidator().Validate(new SearchRecordsQuery("ada", Enumerable.Repeat(SearchType.Deal, count).ToList()));

        deals.Errors.Select(e => e.PropertyName).ShouldBe(valid ? [] : ["Status"]);
        search.Errors.Select(e => e.PropertyName).ShouldBe(valid ? [] : ["Types"]);
    }

    [TestCase(366, null, true)]
    [TestCase(367, null, false)]
    [TestCase(367, 1, true)]
    [TestCase(500, -100, false)]
    public void An_export_covers_at_most_366_days_up_to_to_or_now(int fromDaysAgo, int? toDaysAgo, bool valid)
    {
        var query = new ExportAuditLogsQuery(From: Now.AddDays(-fromDaysAgo), To: toDaysAgo is { } t ? Now.AddDays(-t) : null);

        _export.Validate(query).Errors.Select(e => e.PropertyName).ShouldBe(valid ? [] : ["From"]);
    }

    [Test]
    public void An_export_without_from_is_valid_whatever_its_to() =>
        _export.Validate(new ExportAuditLogsQuery(To: Now.AddYears(5))).IsValid.ShouldBeTrue();

    private sealed class FixedTime(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now);
    }
}
