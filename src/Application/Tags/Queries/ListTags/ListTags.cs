using Crm.Application.Common.Caching;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using Crm.Application.Tags.Common;
using Crm.Domain.Companies;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Records;
using MediatR;

namespace Crm.Application.Tags.Queries.ListTags;

/// <summary>
/// The organization's tags with the number of records carrying each, most used first, then by name; of one record
/// type, or of contacts, companies and deals together.
/// </summary>
public sealed record ListTagsQuery(int Page = 1, int PageSize = Paging.DefaultPageSize, TagRecordType? RecordType = null)
    : IQuery<PagedList<TagDto>>, IOrganizationScoped, IPagedRequest, ICacheableQuery
{
    /// <summary>Spellings counted per record type, the most used first: bounds the work of an organization with a huge vocabulary.</summary>
    public const int MaxSpellings = 10_000;

    public string CacheKey => $"tags:{RecordType}:{Page}:{PageSize}";

    public IReadOnlyList<string> CacheTags =>
        [.. Types(RecordType).Select(t => Application.Common.Caching.CacheTags.RecordsOf(t))];

    internal static IEnumerable<Type> Types(TagRecordType? recordType) => recordType switch
    {
        TagRecordType.Contact => [typeof(Contact)],
        TagRecordType.Company => [typeof(Company)],
        TagRecordType.Deal => [typeof(Deal)],
        _ => [typeof(Contact), typeof(Company), typeof(Deal)],
    };
}

public sealed class ListTagsQueryHandler(ITagCounts counts, IRequestContext context)
    : IRequestHandler<ListTagsQuery, PagedList<TagDto>>
{
    public async Task<PagedList<TagDto>> Handle(ListTagsQuery request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        var spellings = new List<SpellingCount>();
        foreach (var type in ListTagsQuery.Types(request.RecordType))
        {
            spellings.AddRange(
                type == typeof(Contact) ? await counts.MostUsedAsync<Contact>(organizationId, ListTagsQuery.MaxSpellings, cancellationToken)
                : type == typeof(Company) ? await counts.MostUsedAsync<Company>(organizationId, ListTagsQuery.MaxSpellings, cancellationToken)
                : await counts.MostUsedAsync<Deal>(organizationId, ListTagsQuery.MaxSpellings, cancellationToken));
        }

        var tags = Combine(spellings);
        var page = tags.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToList();
        return new PagedList<TagDto>(page, request.Page, request.PageSize, tags.Count);
    }

    /// <summary>
    /// Spellings grouped by tag: a record holds each tag once, so the counts of a tag's spellings add up to the
    /// records carrying it; the tag is named by its most used spelling (ties: the first in ordinal order).
    /// </summary>
    public static List<TagDto> Combine(IEnumerable<SpellingCount> spellings) =>
        spellings
            .GroupBy(s => s.Tag, StringComparer.Ordinal)
            .Select(g => new SpellingCount(g.Key, g.Sum(s => s.Count)))
            .GroupBy(s => RecordTags.Key(s.Tag), StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Tag: new TagDto(
                g.OrderByDescending(s => s.Count).ThenBy(s => s.Tag, StringComparer.Ordinal).First().Tag,
                g.Sum(s => s.Count))))
            .OrderByDescending(t => t.Tag.Count)
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => t.Tag)
            .ToList();
}
