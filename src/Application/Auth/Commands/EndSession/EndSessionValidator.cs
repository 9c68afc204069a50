using FluentValidation;

namespace Crm.Application.Auth.Commands.EndSession;

public sealed class EndSessionValidator : AbstractValidator<EndSessionCommand>
{
    public EndSessionValidator() => RuleFor(c => c.SessionId).NotEmpty();
}
