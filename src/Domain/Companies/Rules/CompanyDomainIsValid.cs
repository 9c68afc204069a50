using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Companies.Rules;

/// <summary>A company's domain is a public host name once normalised (see <see cref="CompanyDomain"/>).</summary>
public sealed record CompanyDomainIsValid(string? Domain) : IBusinessRule
{
    public Error Error => ErrorCatalog.InvalidCompanyDomain;

    public bool IsBroken() => !CompanyDomain.IsValid(Domain);
}
