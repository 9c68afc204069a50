using Crm.Application.Imports.Common;
using FluentValidation;

namespace Crm.Application.Imports.Commands.CreateImport;

public sealed class CreateImportValidator : AbstractValidator<CreateImportCommand>
{
    public CreateImportValidator()
    {
        RuleFor(c => c.RecordType).IsInEnum();
        RuleFor(c => c.Mode).IsInEnum();
        RuleFor(c => c.MatchOn).IsInEnum()
            .Must((c, m) => m is null || ImportFields.Matches(c.RecordType).Contains(m.Value))
            .WithMessage("must be email or external_id for contacts, domain for companies");
        RuleFor(c => c.Mapping)
            .NotEmpty().WithMessage("must map at least one column to a field")
            .Must(m => m.Count <= ImportLimits.MaxColumns).WithMessage($"must map at most {ImportLimits.MaxColumns} columns")
            .Must(m => m.All(p => !string.IsNullOrWhiteSpace(p.Key) && !string.IsNullOrWhiteSpace(p.Value)))
            .WithMessage("must map non-blank column headers to non-blank fields")
            .Must(m => m.Values.Distinct(StringComparer.Ordinal).Count() == m.Count)
            .WithMessage("must map each field from one column only");
        RuleFor(c => c.Length).GreaterThanOrEqualTo(0);
        RuleFor(c => c.CreateCompanies)
            .Must((c, create) => !create || (c.RecordType == Domain.Imports.ImportRecordType.Contacts
                                             && c.Mapping.Values.Any(f => f is ImportFields.CompanyDomain or ImportFields.CompanyName)))
            .WithMessage("is for a contacts import that maps a column to company_domain or company_name");
    }
}
