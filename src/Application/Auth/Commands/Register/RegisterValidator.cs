using Crm.Application.Auth.Common;
using Crm.Domain.Organizations;
using Crm.Domain.Users;
using FluentValidation;

namespace Crm.Application.Auth.Commands.Register;

public sealed class RegisterValidator : AbstractValidator<RegisterCommand>
{
    public RegisterValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Password).NewPassword();
        RuleFor(c => c.Password)
            .Must((c, password) => !string.Equals(password?.Trim(), c.Email?.Trim(), StringComparison.OrdinalIgnoreCase))
            .WithMessage("must not be the email address");
        RuleFor(c => c.Name).NotEmpty().MaximumLength(User.NameMaxLength);
        RuleFor(c => c.OrganizationName).NotEmpty().MaximumLength(Organization.NameMaxLength);
    }
}
