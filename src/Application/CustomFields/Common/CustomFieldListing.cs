using System.Linq.Expressions;
using Crm.Application.Common.Exceptions;
using Crm.Application.CustomFields.Queries.ListCustomFields;
using Crm.Domain.CustomFields;
using Crm.Domain.Records;
using FluentValidation.Results;
using MediatR;

namespace Crm.Application.CustomFields.Common;

/// <summary>
/// Turns a list's <c>cf.&lt;key&gt;</c> filters and <c>order_by=cf.&lt;key&gt;</c> into criteria and a sort key,
/// against the organization's definitions of the record type: an unknown key, a second value for one key, a bound
/// on a field that has no order, or a value that does not parse for the type is <c>validation_failed</c> naming the
/// parameter.
/// </summary>
public sealed class CustomFieldListing(IMediator sender, ICustomFieldFilters filters)
{
    public async Task<CustomFieldCriteria<T>> ResolveAsync<T>(
        CustomFieldRecordType recordType, IReadOnlyList<CustomFieldFilter>? requested, string? orderKey, CancellationToken cancellationToken)
        where T : OwnedRecord
    {
        var criteria = new List<Expression<Func<T, bool>>>();
        if ((requested is null || requested.Count == 0) && orderKey is null)
        {
            return CustomFieldCriteria<T>.None;
        }

        var definitions = (await sender.Send(new ListCustomFieldsQuery(recordType), cancellationToken)).Items
            .ToDictionary(d => d.Key, StringComparer.Ordinal);
        var failures = new List<ValidationFailure>();
        foreach (var group in (requested ?? []).GroupBy(f => f.Parameter, StringComparer.Ordinal))
        {
            var filter = group.First();
            if (!definitions.TryGetValue(filter.Key, out var definition))
            {
                failures.Add(new ValidationFailure(filter.Parameter, "is not a custom field of this record type (GET /api/v1/custom-fields lists them)"));
                continue;
            }

            if (group.Count() > 1)
            {
                failures.Add(new ValidationFailure(filter.Parameter, "takes one value"));
                continue;
            }

            if (filter.Comparison != CustomFieldComparison.Equal && !Ordered(definition.Type))
            {
                failures.Add(new ValidationFailure(filter.Parameter, "bounds (.gte, .lte) apply to number, currency and date fields only"));
                continue;
            }

            var (value, refusal) = CustomFieldValues.ReadFilter(definition.ToShape(), filter.Value);
            if (refusal is not null)
            {
                failures.Add(new ValidationFailure(filter.Parameter, refusal));
                continue;
            }

            if (filter.Comparison == CustomFieldComparison.Equal && definition.Type == CustomFieldType.MultiSelect)
            {
                // A multi-select matches when it includes the option: containment of a one-element array.
                value = ((string[])value!)[0..1];
            }

            criteria.Add(filter.Comparison == CustomFieldComparison.Equal
                ? filters.Equal<T>(filter.Key, value!)
                : filters.Bound<T>(filter.Key, value!, filter.Comparison == CustomFieldComparison.AtMost));
        }

        if (orderKey is not null && !definitions.ContainsKey(orderKey))
        {
            failures.Add(new ValidationFailure("order_by", $"cf.{orderKey} is not a custom field of this record type"));
        }

        return failures.Count > 0
            ? throw new ValidationException(failures)
            : new CustomFieldCriteria<T>(
                criteria,
                orderKey is null ? null : filters.SortKey<T>(orderKey),
                $"{string.Join('&', (requested ?? []).Select(f => f.ToString()).Order(StringComparer.Ordinal))}|{orderKey}");
    }

    private static bool Ordered(CustomFieldType type) =>
        type is CustomFieldType.Number or CustomFieldType.Currency or CustomFieldType.Date;
}
