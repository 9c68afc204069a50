using System.Text.Json;
using Crm.Application.Common.Exceptions;
using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Application.Common.Batches;

/// <summary>One item's outcome: its position in the request, what happened, the record's id, or why it failed.</summary>
public sealed record BatchItemResult(int Index, BatchItemStatus Status, Guid? Id = null, string? Code = null, string? Detail = null)
{
    public static BatchItemResult Created(int index, Guid id) => new(index, BatchItemStatus.Created, id);

    public static BatchItemResult Updated(int index, Guid id) => new(index, BatchItemStatus.Updated, id);

    public static BatchItemResult Unchanged(int index, Guid id) => new(index, BatchItemStatus.Unchanged, id);

    public static BatchItemResult Failed(int index, Error error, string? detail = null, Guid? id = null) =>
        new(index, BatchItemStatus.Failed, id, error.Code, detail ?? error.Title);

    /// <summary>The failure an item's command raised, in the words its single request would answer; null when it is not the client's.</summary>
    public static BatchItemResult? FromException(int index, Exception exception, Guid? id = null) => exception switch
    {
        CodedException coded => Failed(index, coded.Error, coded.Detail, id),
        BusinessRuleException rule => Failed(index, rule.Error, rule.Detail, id),
        ValidationException invalid => Failed(
            index,
            ErrorCatalog.ValidationFailed,
            string.Join("; ", invalid.Errors.Select(e => $"{JsonNamingPolicy.SnakeCaseLower.ConvertName(e.Key)}: {string.Join(", ", e.Value)}")),
            id),
        _ => null,
    };
}
