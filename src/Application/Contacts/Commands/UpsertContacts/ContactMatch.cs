namespace Crm.Application.Contacts.Commands.UpsertContacts;

/// <summary>Which field of a batch item finds the contact it updates.</summary>
public enum ContactMatch
{
    Email,
    ExternalId,
}
