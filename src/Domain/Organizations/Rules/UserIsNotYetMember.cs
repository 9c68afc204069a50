using Crm.Domain.Common;

namespace Crm.Domain.Organizations.Rules;

public sealed record UserIsNotYetMember(bool AlreadyMember) : IBusinessRule
{
    public string Code => "member_exists";

    public string Message => "The user is already a member of the organization.";

    public DomainErrorKind Kind => DomainErrorKind.Conflict;

    public bool IsBroken() => AlreadyMember;
}
