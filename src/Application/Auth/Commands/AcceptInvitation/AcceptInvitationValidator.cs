using Crm.Application.Auth.Common;
using Crm.Domain.Users;
using FluentValidation;

namespace Crm.Application.Auth.Commands.AcceptInvitation;

public sealed class AcceptInvitationValidator : AbstractValidator<AcceptInvitationCommand>
{
    public AcceptInvitationValidator()
    {
        RuleFor(c => c.Token).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Name).NotEmpty().MaximumLength(User.NameMaxLength);
        RuleFor(c => c.Password).NewPassword();
    }
}
