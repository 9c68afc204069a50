using Crm.Domain.Users;
using FluentValidation;

namespace Crm.Application.Organizations.Commands.AddMember;

public sealed class AddMemberValidator : AbstractValidator<AddMemberCommand>
{
    public AddMemberValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(User.EmailMaxLength).EmailAddress();
        RuleFor(c => c.Role).NotNull().IsInEnum();
    }
}
