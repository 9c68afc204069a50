using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Contacts.Common;
using Crm.Domain.Companies;
using Crm.Domain.Errors;
using FluentValidation;

namespace Crm.Application.Companies.Common;

public static class CompanyRules
{
    public static IRuleBuilderOptions<T, string?> CompanyName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(Company.NameMaxLength).Must(n => !string.IsNullOrWhiteSpace(n))
            .WithMessage("must not be blank");

    public static IRuleBuilderOptions<T, string?> CompanyDomainName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(Company.WebsiteMaxLength).Must(CompanyDomain.IsValid)
            .WithMessage("must be a host name such as example.com (internationalised names in their xn-- form)");

    public static IRuleBuilderOptions<T, string?> CompanyWebsite<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(Company.WebsiteMaxLength)
            .Must(w => w is null || (Uri.TryCreate(w.Trim(), UriKind.Absolute, out var uri)
                && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0))
            .WithMessage("must be an absolute http or https URL");

    public static IRuleBuilderOptions<T, int?> CompanyEmployeeCount<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(0, Company.EmployeeCountMax);

    public static IRuleBuilderOptions<T, string?> CompanyIndustry<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(Company.IndustryMaxLength);

    public static IRuleBuilderOptions<T, string?> CompanyPhone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.ContactPhone();

    /// <summary>Refuses a domain that another company of the organization already has (409 <c>company_domain_taken</c>).</summary>
    public static async Task EnsureDomainFreeAsync(
        this IReadStore store, Guid organizationId, string? domain, Guid? exceptCompanyId, CancellationToken ct)
    {
        if (domain is not null && await store.AnyAsync(
                store.Query<Company>().Where(c =>
                    c.OrganizationId == organizationId && c.Domain == domain && c.Id != exceptCompanyId),
                ct))
        {
            throw new ConflictException(ErrorCatalog.CompanyDomainTaken);
        }
    }
}
