namespace Crm.Application.Contacts.Commands.EraseContact;

/// <summary>
/// What other records still hold of an erased contact, redacted in the current transaction: the subjects and bodies
/// of activities linked to it alone, the values in its timeline's and audit entries' changes, its webhook deliveries'
/// bodies and stored idempotent answers; its attachments' rows are deleted (their files go after the commit).
/// </summary>
public interface IErasedContactTraces
{
    Task RedactAsync(Guid organizationId, Guid contactId, CancellationToken cancellationToken);
}
