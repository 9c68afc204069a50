using Crm.Application.Common.Auditing;
using Crm.Application.Common.Concurrency;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Companies.Common;
using Crm.Domain.Common;
using Crm.Domain.Companies;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Errors;
using MediatR;

namespace Crm.Application.Companies.Commands.DeleteCompany;

/// <summary>
/// Deletes a company that no contact or deal belongs to; with <see cref="Detach"/>, first clears the company of its
/// contacts and deals (up to <see cref="CompanyLimits.DetachMax"/>), in the same transaction.
/// </summary>
[NoValidator("Its only inputs are the id in the path, which routing accepts as a UUID only, and a boolean.")]
[AuditAction("delete_company")]
public sealed record DeleteCompanyCommand(Guid Id, bool Detach = false, VersionCondition? IfMatch = null)
    : ICommand<Unit>, IOrganizationScoped;

public sealed class DeleteCompanyCommandHandler(
    IRepository<Company> companies,
    IRepository<Contact> contacts,
    IRepository<Deal> deals,
    IReadStore store,
    IRequestContext context,
    TimeProvider time,
    WritePreconditions preconditions)
    : IRequestHandler<DeleteCompanyCommand, Unit>
{
    public async Task<Unit> Handle(DeleteCompanyCommand request, CancellationToken cancellationToken)
    {
        var actor = context.RequireActor();
        var company = await companies.GetInOrganizationAsync(request.Id, context, ErrorCatalog.CompanyNotFound, cancellationToken);
        preconditions.Require(company, request.IfMatch);
        var organizationId = company.OrganizationId;
        var linked =
            await store.CountAsync(store.Query(new ContactsOfCompanySpecification(organizationId, company.Id)), cancellationToken)
            + await store.CountAsync(store.Query(new DealsOfCompanySpecification(organizationId, company.Id)), cancellationToken);
        company.Delete(actor, linked, request.Detach);
        if (linked > CompanyLimits.DetachMax)
        {
            throw new ConflictException(
                ErrorCatalog.CompanyHasRecords,
                $"The company has {linked} contacts and deals; at most {CompanyLimits.DetachMax} are detached with it. Move some first.");
        }

        if (linked > 0)
        {
            var now = time.UtcNow();
            foreach (var contact in await contacts.ListAsync(new ContactsOfCompanySpecification(organizationId, company.Id, tracked: true), cancellationToken))
            {
                contact.DetachFromCompany(actor.UserId, now);
            }

            foreach (var deal in await deals.ListAsync(new DealsOfCompanySpecification(organizationId, company.Id, tracked: true), cancellationToken))
            {
                deal.DetachFromCompany(actor.UserId, now);
            }
        }

        companies.Remove(company);
        return Unit.Value;
    }
}
