using Crm.Application.Common.Models;
using FluentValidation;

namespace Crm.Application.Changes.Queries.ListChanges;

public sealed class ListChangesValidator : AbstractValidator<ListChangesQuery>
{
    public ListChangesValidator()
    {
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize);
        RuleFor(q => q.Types).FilterValues();
    }
}
