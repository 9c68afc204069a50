using AutoMapper;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Contacts.Common;
using Crm.Domain.Contacts;
using Crm.Domain.Errors;
using MediatR;

namespace Crm.Application.Contacts.Queries.GetContact;

public sealed record GetContactQuery(Guid Id) : IQuery<ContactDto>, IOrganizationScoped;

public sealed class GetContactQueryHandler(IReadStore store, IRequestContext context, IMapper mapper)
    : IRequestHandler<GetContactQuery, ContactDto>
{
    public Task<ContactDto> Handle(GetContactQuery request, CancellationToken cancellationToken) =>
        store.GetProjectedAsync<Contact, ContactDto>(request.Id, context, mapper, ErrorCatalog.ContactNotFound, cancellationToken);
}
