namespace Crm.Domain.Activities;

/// <summary>
/// What a timeline entry records. People write comments and log notes, calls, meetings and emails; the system writes
/// the rest as records change.
/// </summary>
public enum ActivityType
{
    Comment,
    StatusChanged,
    StageChanged,
    TaskCreated,
    TaskCompleted,
    DealUpdated,
    System,
    TaskAssigned,
    Note,
    Call,
    Meeting,
    Email,
    ContactUpdated,
    CompanyUpdated,
}
