using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Tasks.Rules;

/// <summary>A due date may be today (UTC) or later, never in the past.</summary>
public sealed record DueDateNotInPast(DateOnly? DueDate, DateOnly Today) : IBusinessRule
{
    public Error Error => ErrorCatalog.DueDateInPast;


    public bool IsBroken() => DueDate < Today;
}
