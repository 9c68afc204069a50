namespace Crm.Application.Common.Caching;

/// <summary>Collects what a command invalidated, to be applied once its transaction has committed.</summary>
public interface ICacheInvalidations
{
    void Invalidate(Guid organizationId, string tag);
}
