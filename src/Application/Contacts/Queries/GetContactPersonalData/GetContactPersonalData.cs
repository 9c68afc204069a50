using AutoMapper;
using Crm.Application.Activities.Common;
using Crm.Application.Attachments.Common;
using Crm.Application.AuditLogs.Common;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.Companies.Common;
using Crm.Application.Contacts.Common;
using Crm.Application.Deals.Common;
using Crm.Application.Tasks.Common;
using Crm.Domain.Activities;
using Crm.Domain.Attachments;
using Crm.Domain.Auditing;
using Crm.Domain.Common;
using Crm.Domain.Companies;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Errors;
using Crm.Domain.Tasks;
using MediatR;

namespace Crm.Application.Contacts.Queries.GetContactPersonalData;

/// <summary>The personal data held about a contact, as one document (owner and admin).</summary>
[Authorize(Roles = "owner,admin")]
[NoValidator("Its only input is the id in the path, which routing accepts as a UUID only.")]
public sealed record GetContactPersonalDataQuery(Guid Id) : IQuery<ContactPersonalDataDto>, IOrganizationScoped
{
    /// <summary>The most items of each list the document holds, newest first.</summary>
    public const int MaxItemsPerList = 10_000;
}

public sealed class GetContactPersonalDataQueryHandler(IReadStore store, IRequestContext context, IMapper mapper, TimeProvider time)
    : IRequestHandler<GetContactPersonalDataQuery, ContactPersonalDataDto>
{
    private const int Take = GetContactPersonalDataQuery.MaxItemsPerList + 1;

    public async Task<ContactPersonalDataDto> Handle(GetContactPersonalDataQuery request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        var contact = await store.FirstOrDefaultAsync(
                store.Query<Contact>().Where(c => c.Id == request.Id && c.OrganizationId == organizationId), cancellationToken)
            ?? throw new NotFoundException(ErrorCatalog.ContactNotFound);
        var company = contact.CompanyId is { } companyId
            ? await store.FirstOrDefaultAsync(store.Query<Company>().Where(c => c.Id == companyId && c.OrganizationId == organizationId), cancellationToken)
            : null;

        var deals = await store.ToListAsync(
            store.Query<Deal>().Where(d => d.OrganizationId == organizationId && d.ContactId == contact.Id)
                .OrderByDescending(d => d.Id).Take(Take),
            cancellationToken);
        var dealIds = deals.Select(d => d.Id).ToList();
        var activities = await store.ToListAsync(
            store.Query<Activity>().Where(a => a.OrganizationId == organizationId
                    && (a.ContactId == contact.Id || (a.DealId != null && dealIds.Contains(a.DealId.Value))))
                .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(Take),
            cancellationToken);
        var tasks = await store.ToListAsync(
            store.Query<DealTask>().Where(t => t.OrganizationId == organizationId
                    && (t.ContactId == contact.Id || (t.DealId != null && dealIds.Contains(t.DealId.Value))))
                .OrderByDescending(t => t.Id).Take(Take),
            cancellationToken);
        var attachments = await store.ToListAsync(
            store.Query<Attachment>().Where(a => a.OrganizationId == organizationId && a.ContactId == contact.Id)
                .OrderByDescending(a => a.CreatedAt).Take(Take),
            cancellationToken);
        var audit = await store.ToListAsync(
            store.Query<AuditEntry>().Where(e => e.OrganizationId == organizationId && e.EntityType == "contact" && e.EntityId == contact.Id)
                .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Take(Take),
            cancellationToken);

        var truncated = new[] { deals.Count, activities.Count, tasks.Count, attachments.Count, audit.Count }.Any(n => n == Take);
        return new ContactPersonalDataDto(
            time.UtcNow(),
            mapper.Map<ContactDto>(contact),
            company is null ? null : mapper.Map<CompanyDto>(company),
            mapper.Map<List<ActivityDto>>(Cut(activities)),
            mapper.Map<List<DealDto>>(Cut(deals)),
            mapper.Map<List<TaskDto>>(Cut(tasks)),
            mapper.Map<List<AttachmentDto>>(Cut(attachments)),
            mapper.Map<List<AuditLogDto>>(Cut(audit)),
            truncated);
    }

    private static List<T> Cut<T>(List<T> items) => items.Count == Take ? items[..^1] : items;
}
