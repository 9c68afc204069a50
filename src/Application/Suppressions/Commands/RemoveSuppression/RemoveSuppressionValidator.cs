using Crm.Domain.Suppressions;
using FluentValidation;

namespace Crm.Application.Suppressions.Commands.RemoveSuppression;

public sealed class RemoveSuppressionValidator : AbstractValidator<RemoveSuppressionCommand>
{
    public RemoveSuppressionValidator() =>
        RuleFor(c => c.Hash).NotEmpty().Length(Suppression.HashLength).Matches("^[0-9a-f]+$")
            .WithMessage("must be 64 lower-case hexadecimal characters, as the list gives it");
}
