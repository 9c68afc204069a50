namespace Crm.Infrastructure.Imports;

/// <summary>The import's requester may no longer import into the organization (left, demoted to member, key revoked).</summary>
internal sealed class ImportRequesterLeftException() : Exception("The import's requester may no longer import into its organization.");
