using Crm.Application.Auth.Common;
using FluentValidation;

namespace Crm.Application.Auth.Commands.ForgotPassword;

public sealed class ForgotPasswordValidator : AbstractValidator<ForgotPasswordCommand>
{
    public ForgotPasswordValidator() => RuleFor(c => c.Email).ValidEmail();
}
