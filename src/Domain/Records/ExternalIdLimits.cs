namespace Crm.Domain.Records;

/// <summary>Ids that partners' systems give records (<c>external_id</c>): opaque, compared exactly as sent.</summary>
public static class ExternalIdLimits
{
    public const int MaxLength = 255;
}
