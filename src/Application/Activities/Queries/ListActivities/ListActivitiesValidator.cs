using Crm.Application.Common.Models;
using FluentValidation;

namespace Crm.Application.Activities.Queries.ListActivities;

public sealed class ListActivitiesValidator : AbstractValidator<ListActivitiesQuery>
{
    public ListActivitiesValidator()
    {
        Include(PagingValidator.Instance);
        RuleFor(q => q.Type).FilterValues();
    }
}
