using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Security;
using Crm.Domain.ApiKeys;
using Crm.Domain.Common;
using Crm.Domain.Companies;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;
using Crm.Domain.Records;
using Crm.Domain.Tasks;

namespace Crm.Application.Tasks.Common;

public static class TaskDeals
{
    /// <summary>The deal a request names in its body: one the organization does not have is a bad request.</summary>
    public static async Task<Deal> GetReferencedDealAsync(
        this IRepository<Deal> deals, Guid organizationId, Guid dealId, CancellationToken cancellationToken)
    {
        var deal = await deals.FindAsync(dealId, cancellationToken);
        return deal is not null && deal.OrganizationId == organizationId
            ? deal
            : throw new BusinessRuleException(ErrorCatalog.DealReferenceNotFound);
    }

    /// <summary>The contact a request names in its body: one the organization does not have is a bad request.</summary>
    public static async Task<Contact> GetReferencedContactAsync(
        this IRepository<Contact> contacts, Guid organizationId, Guid contactId, CancellationToken cancellationToken)
    {
        var contact = await contacts.FindAsync(contactId, cancellationToken);
        return contact is not null && contact.OrganizationId == organizationId
            ? contact
            : throw new BusinessRuleException(ErrorCatalog.ContactReferenceNotFound);
    }

    /// <summary>The company a request names in its body: one the organization does not have is a bad request.</summary>
    public static async Task<Company> GetReferencedCompanyAsync(
        this IRepository<Company> companies, Guid organizationId, Guid companyId, CancellationToken cancellationToken)
    {
        var company = await companies.FindAsync(companyId, cancellationToken);
        return company is not null && company.OrganizationId == organizationId
            ? company
            : throw new BusinessRuleException(ErrorCatalog.CompanyReferenceNotFound);
    }

    /// <summary>The deal, contact or company a stored task is on; a task whose record is not the organization's is not found.</summary>
    public static async Task<OwnedRecord> GetRecordOfAsync(
        this DealTask task, TaskRecords records, IRequestContext context, CancellationToken ct) =>
        task switch
        {
            { DealId: { } dealId } => await records.Deals.GetInOrganizationAsync(dealId, context, ErrorCatalog.TaskNotFound, ct),
            { CompanyId: { } companyId } => await records.Companies.GetInOrganizationAsync(companyId, context, ErrorCatalog.TaskNotFound, ct),
            _ => await records.Contacts.GetInOrganizationAsync(task.ContactId ?? Guid.Empty, context, ErrorCatalog.TaskNotFound, ct),
        };

    /// <summary>
    /// Refuses an assignee who is not a member of the organization (400 <c>assignee_not_found</c>, the same for a
    /// member of another organization as for no one); an unrevoked API key of the organization is its service member.
    /// </summary>
    public static async Task EnsureAssigneeAsync(
        this IReadStore store, Guid organizationId, Guid? assigneeId, CancellationToken cancellationToken)
    {
        if (assigneeId is { } id
            && !await store.AnyAsync(
                store.Query<Membership>().Where(m => m.OrganizationId == organizationId && m.UserId == id), cancellationToken)
            && !await store.AnyAsync(
                store.Query<ApiKey>().Where(k => k.OrganizationId == organizationId && k.Id == id && k.RevokedAt == null), cancellationToken))
        {
            throw new BusinessRuleException(ErrorCatalog.AssigneeNotFound);
        }
    }

    /// <summary>Today in the organization's time zone: the day due dates are checked against and overdue is counted from.</summary>
    public static async Task<DateOnly> OrganizationTodayAsync(
        this IReadStore store, Guid organizationId, TimeProvider time, CancellationToken cancellationToken)
    {
        var zone = await store.FirstOrDefaultAsync(
            store.Query<Organization>().Where(o => o.Id == organizationId).Select(o => o.TimeZone), cancellationToken);
        return OrganizationTimeZones.Today(zone, time.GetUtcNow());
    }
}
