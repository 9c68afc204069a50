using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Activities.Rules;

/// <summary>People log notes, calls, meetings and emails, each on at least one record.</summary>
public sealed record LoggedActivityIsValid(ActivityType Type, ActivityLinks Links) : IBusinessRule
{
    public Error Error => ActivityLimits.IsLogged(Type) ? ErrorCatalog.ActivityRecordRequired : ErrorCatalog.ActivityTypeNotAllowed;

    public bool IsBroken() => !ActivityLimits.IsLogged(Type) || Links.IsEmpty;
}
