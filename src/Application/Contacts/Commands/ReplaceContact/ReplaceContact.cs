using System.Text.Json;
using System.Text.Json.Serialization;
using AutoMapper;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Concurrency;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Common.Transactions;
using Crm.Application.Companies.Common;
using Crm.Application.Contacts.Common;
using Crm.Application.CustomFields.Common;
using Crm.Application.Suppressions.Common;
using Crm.Domain.Common;
using Crm.Domain.Contacts;
using Crm.Domain.CustomFields;
using Crm.Domain.Errors;
using MediatR;

namespace Crm.Application.Contacts.Commands.ReplaceContact;

/// <summary>
/// A full replacement: every field takes the value sent, so email or phone left out are cleared; name and owner
/// must be sent. The same rules as a partial update apply.
/// </summary>
[AuditAction("replace_contact")]
public sealed record ReplaceContactCommand(
    [property: JsonIgnore] Guid Id, string Name, string? Email, string? Phone, Guid? OwnerId,
    string? ExternalId = null,
    Guid? CompanyId = null,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyDictionary<string, JsonElement>? CustomFields = null,
    [property: JsonIgnore] VersionCondition? IfMatch = null)
    : ICommand<ContactDto>, IOrganizationScoped;

public sealed class ReplaceContactCommandHandler(
    IRepository<Contact> contacts,
    IReadStore store,
    CustomFieldInput customFields,
    ISuppressionList suppressions,
    IRequestContext context,
    IMapper mapper,
    TimeProvider time,
    WritePreconditions preconditions,
    ITransactionOutcome outcome)
    : IRequestHandler<ReplaceContactCommand, ContactDto>
{
    public async Task<ContactDto> Handle(ReplaceContactCommand request, CancellationToken cancellationToken)
    {
        var actor = context.RequireActor();
        var contact = await contacts.GetInOrganizationAsync(request.Id, context, ErrorCatalog.ContactNotFound, cancellationToken);
        preconditions.Require(contact, request.IfMatch);
        var previousOwner = contact.OwnerId;
        var owner = request.OwnerId ?? throw new InvalidOperationException("The validator requires owner_id.");
        var values = await customFields.ReadAsync(contact.OrganizationId, CustomFieldRecordType.Contact, request.CustomFields, CustomFieldWrite.Replace, cancellationToken);
        var previousEmail = contact.NormalizedEmail;
        contact.Update(
            actor,
            new ContactChanges(
                request.Name, request.Email, request.Phone, owner, request.ExternalId, request.CompanyId, new Optional<IReadOnlyList<string>?>(true, request.Tags),
                new Optional<IReadOnlyDictionary<string, object?>?>(true, values), ReplaceCustomFields: true),
            time.UtcNow());
        if (contact.NormalizedEmail != previousEmail)
        {
            await suppressions.EnsureNotSuppressedAsync(contact.OrganizationId, contact.Email, cancellationToken);
        }


        // Keeping the owner asks nothing of it (it may have left the organization since); a new owner must be a member.
        if (owner != previousOwner)
        {
            await store.EnsureMemberAsync(contact.OrganizationId, owner, cancellationToken);
        }

        await store.EnsureCompanyAsync(contact.OrganizationId, request.CompanyId, cancellationToken);
        return outcome.VersionedAfterCommit(mapper.Map<ContactDto>(contact), contact);
    }
}
