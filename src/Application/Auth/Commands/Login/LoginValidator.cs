using FluentValidation;

namespace Crm.Application.Auth.Commands.Login;

public sealed class LoginValidator : AbstractValidator<LoginCommand>
{
    public LoginValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(Domain.Users.User.EmailMaxLength);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(Common.PasswordPolicy.MaxLength);
    }
}
