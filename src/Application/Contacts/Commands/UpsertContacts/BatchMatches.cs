using Crm.Domain.Contacts;

namespace Crm.Application.Contacts.Commands.UpsertContacts;

/// <summary>The contacts a batch's keys matched when it began, and the keys its items have written since.</summary>
internal sealed record BatchMatches(Dictionary<string, Contact> Found)
{
    public HashSet<string> Written { get; } = new(StringComparer.Ordinal);
}
