using Crm.Application.Auth.Common;
using FluentValidation;

namespace Crm.Application.Organizations.Commands.AddMember;

public sealed class AddMemberValidator : AbstractValidator<AddMemberCommand>
{
    public AddMemberValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Role).NotNull().IsInEnum();
    }
}
