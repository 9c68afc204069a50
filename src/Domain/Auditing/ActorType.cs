namespace Crm.Domain.Auditing;

/// <summary>Who acted, as the audit trail and the timeline name it: a person, or an organization's API key.</summary>
public enum ActorType
{
    User,
    ApiKey,
}
