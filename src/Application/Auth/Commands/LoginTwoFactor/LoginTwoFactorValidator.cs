using Crm.Application.Auth.Common;
using FluentValidation;

namespace Crm.Application.Auth.Commands.LoginTwoFactor;

/// <summary>
/// Any challenge token given, malformed or oversized (an access token too), is one that does not work: the handler
/// answers 401 invalid_challenge. The code or recovery code must have its shape.
/// </summary>
public sealed class LoginTwoFactorValidator : AbstractValidator<LoginTwoFactorCommand>
{
    public LoginTwoFactorValidator()
    {
        RuleFor(c => c.ChallengeToken).NotNull();
        RuleFor(c => c.Code).TotpCode().When(c => c.Code is not null);
        // Neither is required alone; one of them is. The refusal names the one a lost device leaves.
        RuleFor(c => c.RecoveryCode).NotNull().When(c => c.Code is null).WithMessage("send code (six digits) or recovery_code");
        RuleFor(c => c.RecoveryCode).RecoveryCode().When(c => c.RecoveryCode is not null);
        RuleFor(c => c.RecoveryCode).Null().When(c => c.Code is not null).WithMessage("send either code or recovery_code, not both");
    }
}
