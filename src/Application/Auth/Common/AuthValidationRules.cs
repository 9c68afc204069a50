using Crm.Domain.Users;
using FluentValidation;

namespace Crm.Application.Auth.Common;

public static class AuthValidationRules
{
    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(User.EmailMaxLength)
            .Must(User.IsPlausibleEmail).WithMessage("must be a plausible mailbox address");

    public static IRuleBuilderOptions<T, string> NewPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty()
            .MinimumLength(PasswordPolicy.MinLength)
            .MaximumLength(PasswordPolicy.MaxLength)
            .Must(p => !PasswordPolicy.IsCommon(p))
            .WithMessage("must not be a commonly used password");

    /// <summary>A TOTP code as authenticator apps show it: six digits.</summary>
    public static IRuleBuilderOptions<T, string?> TotpCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().Length(6).Must(c => c is null || c.All(char.IsAsciiDigit)).WithMessage("must be six digits");

    /// <summary>A recovery code as handed out (<c>xxxx-xxxx-xxxx-xxxx</c>), hyphens and spacing optional.</summary>
    public static IRuleBuilderOptions<T, string?> RecoveryCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().MaximumLength(RecoveryCodes.MaxLength)
            .Must(c => c is null || c.All(x => char.IsAsciiLetterOrDigit(x) || x is '-' or ' '))
            .WithMessage("must be a recovery code: letters, digits and hyphens");
}
