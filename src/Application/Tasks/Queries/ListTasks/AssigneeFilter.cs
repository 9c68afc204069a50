using Crm.Application.Common.Security;

namespace Crm.Application.Tasks.Queries.ListTasks;

/// <summary>The assignees a task list asks for, with <c>me</c> resolved to the caller and <c>none</c> to unassigned tasks.</summary>
public sealed record AssigneeFilter(IReadOnlyList<Guid> Ids, bool IncludeUnassigned)
{
    public bool IsSet => Ids.Count > 0 || IncludeUnassigned;

    public static AssigneeFilter Of(IReadOnlyList<string>? values, IRequestContext context)
    {
        if (values is null || values.Count == 0)
        {
            return new([], false);
        }

        var ids = new List<Guid>();
        var unassigned = false;
        foreach (var value in values)
        {
            if (string.Equals(value, ListTasksQueryHandler.Me, StringComparison.OrdinalIgnoreCase))
            {
                ids.Add(context.RequireActor().UserId);
            }
            else if (string.Equals(value, ListTasksQueryHandler.Nobody, StringComparison.OrdinalIgnoreCase))
            {
                unassigned = true;
            }
            else
            {
                ids.Add(Guid.Parse(value));
            }
        }

        return new(ids.Distinct().Order().ToList(), unassigned);
    }
}
