using Crm.Application.Common.Models;
using FluentValidation;

namespace Crm.Application.Tasks.Queries.ListTasks;

public sealed class ListTasksValidator : AbstractValidator<ListTasksQuery>
{
    public ListTasksValidator()
    {
        Include(PagingValidator.Instance);
        RuleFor(q => q.OrderBy).IsInEnum();
        RuleFor(q => q.Order).IsInEnum();
    }
}
