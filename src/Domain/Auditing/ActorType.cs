namespace Crm.Domain.Auditing;

/// <summary>
/// Who acted, as the audit trail and the timeline name it: a person, an organization's API key, or the service's
/// operator at the command line (no account: the entry's actor id is empty).
/// </summary>
public enum ActorType
{
    User,
    ApiKey,
    Operator,
}
