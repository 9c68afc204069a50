using Crm.Application.Common.Models;
using FluentValidation;

namespace Crm.Application.Tasks.Queries.ListTasks;

public sealed class ListTasksValidator : AbstractValidator<ListTasksQuery>
{
    /// <summary>Bounds the filter a request can send to the database.</summary>
    public const int MaxAssignees = 50;

    public const int MaxStatuses = 20;

    private static bool BeAnAssignee(string value) =>
        string.Equals(value, ListTasksQueryHandler.Me, StringComparison.OrdinalIgnoreCase)
        || string.Equals(value, ListTasksQueryHandler.Nobody, StringComparison.OrdinalIgnoreCase)
        || Guid.TryParse(value, out _);

    public ListTasksValidator()
    {
        Include(PagingValidator.Instance);
        RuleFor(q => q.OrderBy).IsInEnum();
        RuleFor(q => q.Order).IsInEnum();
        RuleFor(q => q.AssigneeIds).Must(ids => ids is null || ids.Count <= MaxAssignees)
            .WithMessage($"names at most {MaxAssignees} assignees").OverridePropertyName("AssigneeId");
        RuleFor(q => q.AssigneeIds).Must(ids => ids is null || ids.All(BeAnAssignee)).WithMessage("must be me, none or a member's id")
            .OverridePropertyName("AssigneeId");
        RuleFor(q => q.Statuses).Must(s => s is null || s.Count <= MaxStatuses)
            .WithMessage($"names at most {MaxStatuses} statuses").OverridePropertyName("Status");
        RuleForEach(q => q.Statuses).IsInEnum().OverridePropertyName("Status");
    }
}
