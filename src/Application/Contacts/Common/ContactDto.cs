using Crm.Domain.Common;

namespace Crm.Application.Contacts.Common;

public sealed class ContactDto : ICreationOrdered
{
    public required Guid Id { get; init; }

    public required Guid OwnerId { get; init; }

    public required string Name { get; init; }

    public required string? Email { get; init; }

    public required string? Phone { get; init; }

    public required DateTime CreatedAt { get; init; }

    public required DateTime UpdatedAt { get; init; }
}
