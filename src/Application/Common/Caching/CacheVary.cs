namespace Crm.Application.Common.Caching;

/// <summary>What a cached answer's key carries besides the organization.</summary>
public enum CacheVary
{
    Organization,
    Role,
    User,
}
