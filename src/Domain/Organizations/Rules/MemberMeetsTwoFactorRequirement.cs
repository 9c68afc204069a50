using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Organizations.Rules;

/// <summary>An organization that requires two-factor sign-in serves only members who have it on.</summary>
public sealed record MemberMeetsTwoFactorRequirement(bool OrganizationRequiresTwoFactor, bool MemberUsesTwoFactor) : IBusinessRule
{
    public Error Error => ErrorCatalog.TwoFactorRequiredByOrganization;

    public bool IsBroken() => OrganizationRequiresTwoFactor && !MemberUsesTwoFactor;
}
