using FluentValidation;

namespace Crm.Application.Auth.Commands.VerifyEmail;

public sealed class VerifyEmailValidator : AbstractValidator<VerifyEmailCommand>
{
    public VerifyEmailValidator() => RuleFor(c => c.Token).NotEmpty().MaximumLength(200);
}
