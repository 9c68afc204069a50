using Crm.Application.Auth.Common;
using FluentValidation;

namespace Crm.Application.Auth.Commands.EnableTwoFactor;

public sealed class EnableTwoFactorValidator : AbstractValidator<EnableTwoFactorCommand>
{
    public EnableTwoFactorValidator() => RuleFor(c => c.Code).TotpCode();
}
