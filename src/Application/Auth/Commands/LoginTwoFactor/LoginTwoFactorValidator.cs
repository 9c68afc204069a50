using Crm.Application.Auth.Common;
using FluentValidation;

namespace Crm.Application.Auth.Commands.LoginTwoFactor;

public sealed class LoginTwoFactorValidator : AbstractValidator<LoginTwoFactorCommand>
{
    public LoginTwoFactorValidator()
    {
        RuleFor(c => c.ChallengeToken).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Code).TotpCode().When(c => c.Code is not null || c.RecoveryCode is null)
            .WithMessage("send a six-digit code, or a recovery_code instead");
        RuleFor(c => c.RecoveryCode).RecoveryCode().When(c => c.RecoveryCode is not null);
        RuleFor(c => c.RecoveryCode).Null().When(c => c.Code is not null).WithMessage("send either code or recovery_code, not both");
    }
}
