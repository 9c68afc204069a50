using AutoMapper;
using AutoMapper.QueryableExtensions;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Contacts.Common;
using Crm.Domain.Contacts;
using MediatR;

namespace Crm.Application.Contacts.Queries.GetContact;

public sealed record GetContactQuery(Guid Id) : IQuery<ContactDto>, IOrganizationScoped;

public sealed class GetContactQueryHandler(IReadStore store, IRequestContext context, IMapper mapper)
    : IRequestHandler<GetContactQuery, ContactDto>
{
    public async Task<ContactDto> Handle(GetContactQuery request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        var query = store.Query<Contact>()
            .Where(c => c.Id == request.Id && c.OrganizationId == organizationId)
            .ProjectTo<ContactDto>(mapper.ConfigurationProvider);
        return await store.FirstOrDefaultAsync(query, cancellationToken)
            ?? throw new NotFoundException("contact_not_found", "No contact has this id.");
    }
}
