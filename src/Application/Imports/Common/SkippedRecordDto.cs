namespace Crm.Application.Imports.Common;

/// <summary>
/// A record a revert left as it is, and why: <c>changed_since_import</c> (someone changed it, or this field, after the
/// import), <c>in_use</c> (a created contact that deals, tasks or files now refer to) or <c>email_taken</c> (another
/// contact now has the email to restore).
/// </summary>
public sealed record SkippedRecordDto(Guid RecordId, string Reason, string? Field);
