using FluentValidation;

namespace Crm.Application.Organizations.Commands.ChangeMemberRole;

public sealed class ChangeMemberRoleValidator : AbstractValidator<ChangeMemberRoleCommand>
{
    public ChangeMemberRoleValidator() => RuleFor(c => c.Role).NotNull().IsInEnum();
}
