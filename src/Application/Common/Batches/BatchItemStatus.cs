namespace Crm.Application.Common.Batches;

/// <summary>What a batch did with one item.</summary>
public enum BatchItemStatus
{
    Created,
    Updated,
    Unchanged,
    Failed,
}
