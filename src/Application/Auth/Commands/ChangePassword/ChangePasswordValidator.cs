using Crm.Application.Auth.Common;
using FluentValidation;

namespace Crm.Application.Auth.Commands.ChangePassword;

public sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordValidator()
    {
        // Bounded like a new password, so that a guess cannot make the hash expensive.
        RuleFor(c => c.CurrentPassword).NotEmpty().MaximumLength(PasswordPolicy.MaxLength);
        RuleFor(c => c.NewPassword).NewPassword();
        RuleFor(c => c.NewPassword)
            .Must((c, password) => !string.Equals(password, c.CurrentPassword, StringComparison.Ordinal))
            .WithMessage("must differ from the current password");
    }
}
