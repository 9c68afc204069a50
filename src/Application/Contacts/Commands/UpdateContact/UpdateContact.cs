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
using Crm.Domain.Common;
using Crm.Domain.Contacts;
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
    [property: JsonIgnore] VersionCondition? IfMatch = null)
    : ICommand<ContactDto>, IOrganizationScoped;

public sealed class UpdateContactCommandHandler(
    IRepository<Contact> contacts,
    IReadStore store,
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
        contact.Update(actor, new ContactChanges(request.Name, request.Email, request.Phone, request.OwnerId, request.ExternalId, request.CompanyId, request.Tags), time.UtcNow());
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
