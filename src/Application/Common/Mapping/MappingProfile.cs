using AutoMapper;
using Crm.Application.Contacts.Common;
using Crm.Application.Deals.Common;
using Crm.Application.Tasks.Common;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Tasks;

namespace Crm.Application.Common.Mapping;

/// <summary>Entity → DTO maps, flat and one way: entities change only through their own methods.</summary>
public sealed class MappingProfile : Profile
{
    public MappingProfile()
    {
        CreateMap<Contact, ContactDto>();
        CreateMap<Deal, DealDto>();
        CreateMap<DealTask, TaskDto>();
    }

    public static IMapper CreateMapper() =>
        new MapperConfiguration(c => c.AddProfile<MappingProfile>()).CreateMapper();
}
