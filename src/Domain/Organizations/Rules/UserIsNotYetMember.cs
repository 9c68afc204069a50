using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Organizations.Rules;

public sealed record UserIsNotYetMember(bool AlreadyMember) : IBusinessRule
{
    public Error Error => ErrorCatalog.MemberExists;


    public bool IsBroken() => AlreadyMember;
}
