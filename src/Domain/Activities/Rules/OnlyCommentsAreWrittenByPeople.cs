using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Activities.Rules;

/// <summary>People write comments; every other type is written by the system as records change.</summary>
public sealed record OnlyCommentsAreWrittenByPeople(ActivityType Type) : IBusinessRule
{
    public Error Error => ErrorCatalog.ActivityTypeNotAllowed;


    public bool IsBroken() => Type != ActivityType.Comment;
}
