using System.Text.Json;
using AutoMapper;
using Crm.Application.Activities.Common;
using Crm.Application.Attachments.Common;
using Crm.Application.AuditLogs.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Models;
using Crm.Application.Companies.Common;
using Crm.Application.Contacts.Common;
using Crm.Application.CustomFields.Common;
using Crm.Application.Deals.Common;
using Crm.Application.Email.Queries.ListOutbox;
using Crm.Application.Notifications.Common;
using Crm.Application.Tasks.Common;
using Crm.Domain.Activities;
using Crm.Domain.Attachments;
using Crm.Domain.Auditing;
using Crm.Domain.Companies;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Email;
using Crm.Domain.Notifications;
using Crm.Domain.Tasks;

namespace Crm.Application.Common.Mapping;

/// <summary>
/// Every entity → DTO map, flat and one way (entities change only through their own methods). Queries project with
/// <c>ProjectTo</c>; a DTO whose entity keeps a JSON column (timeline payloads, audit changes) is mapped with
/// <c>Map</c> once loaded, since its JSON is read in .NET. A DTO that joins records or adds the caller's context
/// (members, organizations with the caller's role) is not an entity's map and is built by its query.
/// </summary>
public sealed class MappingProfile : Profile
{
    public MappingProfile()
    {
        CreateMap<Contact, ContactDto>()
            .ForMember(d => d.CustomFields, o => o.MapFrom(c => CustomFieldJson.Read(c.CustomFields)));
        CreateMap<Company, CompanyDto>()
            .ForMember(d => d.Address, o => o.MapFrom(c => c.Address == null
                ? new CompanyAddressDto(null, null, null, null, null, null)
                : new CompanyAddressDto(c.Address.Line1, c.Address.Line2, c.Address.City, c.Address.Region, c.Address.PostalCode, c.Address.Country)))
            .ForMember(d => d.CustomFields, o => o.MapFrom(c => CustomFieldJson.Read(c.CustomFields)));
        CreateMap<Deal, DealDto>()
            .ForMember(d => d.CustomFields, o => o.MapFrom(c => CustomFieldJson.Read(c.CustomFields)));
        CreateMap<DealTask, TaskDto>();
        CreateMap<Attachment, AttachmentDto>();
        CreateMap<OutboxMessage, OutboxMessageDto>();
        CreateMap<Activity, ActivityDto>()
            .ForCtorParam(nameof(ActivityDto.Payload), o => o.MapFrom(a => Read<ActivityPayload>(a.Payload) ?? new ActivityPayload()));
        CreateMap<Notification, NotificationDto>()
            .ForCtorParam(nameof(NotificationDto.Record), o => o.MapFrom(n => n.RecordType != null && n.RecordId != null
                ? new NotificationRecordDto(n.RecordType, n.RecordId.Value)
                : null))
            .ForCtorParam(nameof(NotificationDto.Actor), o => o.MapFrom(n => n.ActorId != null
                ? new NotificationActorDto(n.ActorId.Value, n.ActorName ?? string.Empty)
                : null));
        CreateMap<AuditEntry, AuditLogDto>()
            .ForCtorParam(nameof(AuditLogDto.Changes), o => o.MapFrom(e => Read<List<AuditChange>>(e.Changes) ?? new List<AuditChange>()));
    }

    private static T? Read<T>(string json) => JsonSerializer.Deserialize<T>(json, TimelineJson.Options);

    public static IMapper CreateMapper() =>
        new MapperConfiguration(c => c.AddProfile<MappingProfile>()).CreateMapper();
}
