using Crm.Application.Common.Messaging;
using Crm.Application.Common.Models;
using Crm.Application.Common.Security;
using MediatR;

namespace Crm.Application.Search.Queries.SearchRecords;

/// <summary>What can be searched.</summary>
public enum SearchType
{
    Contact,
    Deal,
    Task,
    Comment,
    Company,
    Activity,
}

/// <summary>
/// Full-text search over the organization's contacts, companies, deals, tasks, comments and logged activities (subject and
/// body): accent-insensitive, matching word
/// prefixes as one types, and falling back to similar spellings when the words match nothing.
/// </summary>
public sealed record SearchRecordsQuery(string Q, IReadOnlyList<SearchType>? Types = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<SearchResults>, IOrganizationScoped, IPagedRequest;

/// <summary>One match: <see cref="Title"/> is plain text; <see cref="Snippet"/> is HTML-escaped text whose only markup is <c>&lt;mark&gt;</c> around the matched words.</summary>
public sealed record SearchHit(SearchType Type, Guid Id, string Title, string Snippet, double Score, Guid? DealId);

/// <param name="Facets">Matches per type, whatever the types asked for.</param>
public sealed record SearchResults(
    IReadOnlyList<SearchHit> Items, IReadOnlyDictionary<SearchType, int> Facets, int Page, int PageSize, int Total);

public sealed class SearchRecordsQueryHandler(ISearchIndex index, IRequestContext context)
    : IRequestHandler<SearchRecordsQuery, SearchResults>
{
    public Task<SearchResults> Handle(SearchRecordsQuery request, CancellationToken cancellationToken) =>
        index.SearchAsync(context.RequireOrganizationId(), request, cancellationToken);
}
