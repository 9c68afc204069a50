using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Organizations.Rules;

/// <summary>An organization's time zone is an IANA name this machine knows (Europe/Paris, UTC), never a Windows one.</summary>
public sealed record TimeZoneIsIana(string TimeZone) : IBusinessRule
{
    public Error Error => ErrorCatalog.InvalidTimeZone;

    public bool IsBroken() => !OrganizationTimeZones.IsKnownIana(TimeZone);
}
