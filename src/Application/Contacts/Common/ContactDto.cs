using Crm.Domain.Contacts;

namespace Crm.Application.Contacts.Common;

public sealed class ContactDto
{
    public Guid Id { get; init; }

    public Guid OwnerId { get; init; }

    public string Name { get; init; } = string.Empty;

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; init; }
}
