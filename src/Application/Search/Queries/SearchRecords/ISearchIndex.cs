namespace Crm.Application.Search.Queries.SearchRecords;

/// <summary>The search engine: PostgreSQL full text and trigrams in production.</summary>
public interface ISearchIndex
{
    Task<SearchResults> SearchAsync(Guid organizationId, SearchRecordsQuery query, CancellationToken cancellationToken);
}
