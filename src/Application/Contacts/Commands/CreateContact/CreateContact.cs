using System.Text.Json;
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
using MediatR;

namespace Crm.Application.Contacts.Commands.CreateContact;

/// <summary>Creates a contact owned by the caller, or by <see cref="OwnerId"/> when a manager or above names one.</summary>
[AuditAction("create_contact")]
public sealed record CreateContactCommand(
    string Name, string? Email, string? Phone, Guid? OwnerId, string? ExternalId = null, Guid? CompanyId = null,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyDictionary<string, JsonElement>? CustomFields = null)
    : ICommand<ContactDto>, IOrganizationScoped;

public sealed class CreateContactCommandHandler(
    IRepository<Contact> contacts, IReadStore store, CustomFieldInput customFields, ISuppressionList suppressions, IRequestContext context, IMapper mapper, TimeProvider time, ITransactionOutcome outcome)
    : IRequestHandler<CreateContactCommand, ContactDto>
{
    public async Task<ContactDto> Handle(CreateContactCommand request, CancellationToken cancellationToken)
    {
        var actor = context.RequireActor();
        var organizationId = context.RequireOrganizationId();
        var values = await customFields.ReadAsync(organizationId, CustomFieldRecordType.Contact, request.CustomFields, CustomFieldWrite.Create, cancellationToken);
        var contact = Contact.Create(
            organizationId, actor, request.OwnerId, request.Name, request.Email, request.Phone, time.UtcNow(), request.ExternalId, request.CompanyId, request.Tags, values);
        await suppressions.EnsureNotSuppressedAsync(organizationId, contact.Email, cancellationToken);
        await store.EnsureMemberAsync(organizationId, request.OwnerId, cancellationToken);
        await store.EnsureCompanyAsync(organizationId, request.CompanyId, cancellationToken);
        contacts.Add(contact);
        return outcome.VersionedAfterCommit(mapper.Map<ContactDto>(contact), contact);
    }
}
