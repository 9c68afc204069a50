using Crm.Domain.Records;

namespace Crm.Application.Tags.Common;

/// <summary>Counts of the tag spellings an organization's records of one type carry, read straight from their tag columns.</summary>
public interface ITagCounts
{
    /// <summary>The <paramref name="limit"/> most used spellings of the organization's records of type <typeparamref name="T"/>, most used first.</summary>
    Task<List<SpellingCount>> MostUsedAsync<T>(Guid organizationId, int limit, CancellationToken cancellationToken)
        where T : OwnedRecord;
}
