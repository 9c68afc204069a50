using Crm.Application.Auth.Common;
using FluentValidation;

namespace Crm.Application.Auth.Commands.DeleteMe;

public sealed class DeleteMeValidator : AbstractValidator<DeleteMeCommand>
{
    // Bounded like a new password, so that a guess cannot make the hash expensive.
    public DeleteMeValidator() => RuleFor(c => c.Password).NotEmpty().MaximumLength(PasswordPolicy.MaxLength);
}
