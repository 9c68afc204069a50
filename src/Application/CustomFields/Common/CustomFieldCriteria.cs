using System.Linq.Expressions;
using Ardalis.Specification;
using Crm.Application.Common.Models;
using Crm.Application.Common.Specifications;
using Crm.Domain.Records;

namespace Crm.Application.CustomFields.Common;

/// <summary>A list's custom field filters and sort key, resolved against the organization's definitions.</summary>
/// <param name="Text">The filters and order as sent, for the list's cached total.</param>
public sealed record CustomFieldCriteria<T>(
    IReadOnlyList<Expression<Func<T, bool>>> Filters, Expression<Func<T, object?>>? SortKey, string Text)
    where T : OwnedRecord
{
    public static readonly CustomFieldCriteria<T> None = new([], null, string.Empty);

    /// <summary>Adds the filters to the specification; orders it by the sort key (then id) when there is one.</summary>
    /// <returns>Whether the specification is now ordered.</returns>
    public bool ApplyTo(ISpecificationBuilder<T> query, SortOrder order)
    {
        foreach (var filter in Filters)
        {
            query.Where(filter);
        }

        if (SortKey is null)
        {
            return false;
        }

        query.OrderBy(order, SortKey, r => r.Id);
        return true;
    }
}
