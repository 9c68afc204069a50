using System.Linq.Expressions;
using Crm.Domain.Records;

namespace Crm.Application.CustomFields.Common;

/// <summary>Criteria and sort keys on records' custom field values, as the database evaluates them.</summary>
public interface ICustomFieldFilters
{
    /// <summary>Records whose value under <paramref name="key"/> is (or, for a multi-select, includes) <paramref name="value"/>.</summary>
    Expression<Func<T, bool>> Equal<T>(string key, object value)
        where T : OwnedRecord;

    /// <summary>Records whose value under <paramref name="key"/> is at least (or, with <paramref name="atMost"/>, at most) <paramref name="bound"/>.</summary>
    Expression<Func<T, bool>> Bound<T>(string key, object bound, bool atMost)
        where T : OwnedRecord;

    /// <summary>The value under <paramref name="key"/> as a sort key: numbers by number, dates and text by text, missing last.</summary>
    Expression<Func<T, object?>> SortKey<T>(string key)
        where T : OwnedRecord;
}
