using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.Activities.Rules;

/// <summary>
/// Logged notes, calls, meetings and emails are edited; a comment is only deleted; the system's entries stay as written.
/// </summary>
public sealed record OnlyPeoplesEntriesChange(ActivityType Type, bool Deleting) : IBusinessRule
{
    public Error Error => ErrorCatalog.ActivityNotEditable;

    public bool IsBroken() => !ActivityLimits.IsLogged(Type) && !(Deleting && Type == ActivityType.Comment);
}
