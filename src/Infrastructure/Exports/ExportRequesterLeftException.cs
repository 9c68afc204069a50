namespace Crm.Infrastructure.Exports;

/// <summary>The export's requester may no longer read the organization's records.</summary>
internal sealed class ExportRequesterLeftException() : Exception("The export's requester is no longer a member of its organization.");
