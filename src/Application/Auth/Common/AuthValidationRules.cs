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
}
