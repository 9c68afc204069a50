using Crm.Application.Common.Caching;
using Crm.Application.Tags.Queries.ListTags;
using Crm.Domain.Companies;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;

namespace Crm.Application.UnitTests.Tags;

public sealed class ListTagsTests
{
    [Test]
    public void Spellings_of_one_tag_add_up_under_the_most_used_one_and_tags_come_most_used_first_then_by_name()
    {
        var tags = ListTagsQueryHandler.Combine(
        [
            new("vip", 2), new("VIP", 1), new("Partner", 1), new("partner", 1), new("enterprise", 2), new("Zeta", 3), new("vip", 1),
        ]);

        tags.ShouldBe([new TagDto("vip", 4), new TagDto("Zeta", 3), new TagDto("enterprise", 2), new TagDto("Partner", 2)]);
        ListTagsQueryHandler.Combine([]).ShouldBeEmpty();
    }

    [Test]
    public void The_answer_is_cached_per_record_type_and_page_and_dropped_by_a_change_to_the_records_it_counts()
    {
        new ListTagsQuery(2, 10, TagRecordType.Contact).CacheKey.ShouldNotBe(new ListTagsQuery(2, 10, TagRecordType.Deal).CacheKey);
        new ListTagsQuery(1, 10).CacheKey.ShouldNotBe(new ListTagsQuery(2, 10).CacheKey);
        new ListTagsQuery(RecordType: TagRecordType.Company).CacheTags.ShouldBe([CacheTags.RecordsOf(typeof(Company))]);
        new ListTagsQuery().CacheTags.ShouldBe(
            [CacheTags.RecordsOf(typeof(Contact)), CacheTags.RecordsOf(typeof(Company)), CacheTags.RecordsOf(typeof(Deal))], ignoreOrder: true);
    }
}
