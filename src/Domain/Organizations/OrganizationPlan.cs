namespace Crm.Domain.Organizations;

/// <summary>An organization's subscription plan.</summary>
public enum OrganizationPlan
{
    Free,
    Pro,
    Enterprise,
}
