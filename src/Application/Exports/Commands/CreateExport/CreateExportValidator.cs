using FluentValidation;

namespace Crm.Application.Exports.Commands.CreateExport;

public sealed class CreateExportValidator : AbstractValidator<CreateExportCommand>
{
    public CreateExportValidator()
    {
        RuleFor(c => c.RecordType).IsInEnum();
        RuleFor(c => c.Format).IsInEnum();
    }
}
