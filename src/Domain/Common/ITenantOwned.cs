namespace Crm.Domain.Common;

/// <summary>A record that belongs to exactly one organization and is never visible to any other.</summary>
public interface ITenantOwned
{
    Guid OrganizationId { get; }
}
