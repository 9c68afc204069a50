namespace Crm.Domain.Common;

/// <summary>
/// A record that can be listed in creation order: by creation time, ties broken by its time-ordered id. Lists in this
/// order can be paged with a cursor, which stays stable while records are added or removed.
/// </summary>
public interface ICreationOrdered
{
    Guid Id { get; }

    DateTime CreatedAt { get; }
}
