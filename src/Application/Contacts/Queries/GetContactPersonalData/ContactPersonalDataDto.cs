using Crm.Application.Activities.Common;
using Crm.Application.Attachments.Common;
using Crm.Application.AuditLogs.Common;
using Crm.Application.Companies.Common;
using Crm.Application.Contacts.Common;
using Crm.Application.Deals.Common;
using Crm.Application.Tasks.Common;

namespace Crm.Application.Contacts.Queries.GetContactPersonalData;

/// <summary>
/// Everything the organization holds about one person, as one document (a data subject's access request): the contact
/// with its custom fields and tags, its company, every entry of its timeline (logged notes, calls, meetings and
/// emails, comments and field changes, including those of its deals), its deals and tasks, its attachments' metadata
/// (the files are read one by one) and the audit entries about it. Each list holds at most
/// <see cref="GetContactPersonalDataQuery.MaxItemsPerList"/> items, newest first; <see cref="Truncated"/> says when
/// one was cut.
/// </summary>
public sealed record ContactPersonalDataDto(
    DateTime ExportedAt,
    ContactDto Contact,
    CompanyDto? Company,
    IReadOnlyList<ActivityDto> Activities,
    IReadOnlyList<DealDto> Deals,
    IReadOnlyList<TaskDto> Tasks,
    IReadOnlyList<AttachmentDto> Attachments,
    IReadOnlyList<AuditLogDto> AuditEntries,
    bool Truncated);
