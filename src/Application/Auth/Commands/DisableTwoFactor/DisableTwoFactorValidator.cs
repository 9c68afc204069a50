using Crm.Application.Auth.Common;
using FluentValidation;

namespace Crm.Application.Auth.Commands.DisableTwoFactor;

public sealed class DisableTwoFactorValidator : AbstractValidator<DisableTwoFactorCommand>
{
    public DisableTwoFactorValidator()
    {
        RuleFor(c => c.Password).NotEmpty().MaximumLength(PasswordPolicy.MaxLength);
        RuleFor(c => c.Code).RecoveryCode();
    }
}
