using Crm.Application.Common.Models;
using FluentValidation;

namespace Crm.Application.Search.Queries.SearchRecords;

public sealed class SearchRecordsValidator : AbstractValidator<SearchRecordsQuery>
{
    public SearchRecordsValidator()
    {
        Include(PagingValidator.Instance);
        RuleFor(q => q.Q).NotEmpty().MaximumLength(QueryBounds.MaxSearchLength).Must(q => q.Any(char.IsLetterOrDigit))
            .WithMessage("must contain a letter or a digit");
        RuleFor(q => q.Types).FilterValues();
    }
}
