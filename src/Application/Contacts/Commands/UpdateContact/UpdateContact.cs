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

namespace Crm.Application.Contacts.Commands.UpdateContact;

/// <summary>A partial update: fields left out keep their value; email or phone set to null are cleared.</summary>
[AuditAction("update_contact")]
public sealed record UpdateContactCommand(
    [property: JsonIgnore] Guid Id, Optional<string> Name, Optional<string?> Email, Optional<string?> Phone, Optional<Guid> OwnerId,
    Optional<string?> ExternalId = default,
    Optional<Guid?> CompanyId = default,
    Optional<IReadOnlyList<string>?> Tags = default,
    Optional<IReadOnlyDictionary<string, JsonElement>?> CustomFields = default,
    [property: JsonIgnore] VersionCondition? IfMatch = null)
    : ICommand<ContactDto>, IOrganizationScoped;

public sealed class UpdateContactCommandHandler(
    IRepository<Contact> contacts,
    IReadStore store,
    CustomFieldInput customFields,
    ISuppressionList suppressions,
    IRequestContext context,
    IMapper mapper,
    TimeProvider time,
    WritePreconditions preconditions,
    ITransactionOutcome outcome)
    : IRequestHandler<UpdateContactCommand, ContactDto>
{
    public async Task<ContactDto> Handle(UpdateContactCommand request, CancellationToken cancellationToken)
    {
        var actor = context.RequireActor();
        var contact = await contacts.GetInOrganizationAsync(request.Id, context, ErrorCatalog.ContactNotFound, cancellationToken);
        preconditions.Require(contact, request.IfMatch);
        var values = request.CustomFields.IsSet
            ? await customFields.ReadAsync(contact.OrganizationId, CustomFieldRecordType.Contact, request.CustomFields.Value ?? new Dictionary<string, JsonElement>(), CustomFieldWrite.Merge, cancellationToken)
            : null;
        var previousEmail = contact.NormalizedEmail;
        contact.Update(actor, new ContactChanges(request.Name, request.Email, request.Phone, request.OwnerId, request.ExternalId, request.CompanyId, request.Tags, values is null ? default : new Optional<IReadOnlyDictionary<string, object?>?>(true, values)), time.UtcNow());
        if (contact.NormalizedEmail != previousEmail)
        {
            await suppressions.EnsureNotSuppressedAsync(contact.OrganizationId, contact.Email, cancellationToken);
        }

        if (request.OwnerId.IsSet)
        {
            await store.EnsureMemberAsync(contact.OrganizationId, request.OwnerId.Value, cancellationToken);
        }

        if (request.CompanyId.IsSet)
        {
            await store.EnsureCompanyAsync(contact.OrganizationId, request.CompanyId.Value, cancellationToken);
        }

        return outcome.VersionedAfterCommit(mapper.Map<ContactDto>(contact), contact);
    }
}
