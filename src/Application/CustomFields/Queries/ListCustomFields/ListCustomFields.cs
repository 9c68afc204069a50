using Crm.Application.Common.Caching;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.CustomFields.Common;
using Crm.Domain.CustomFields;
using MediatR;

namespace Crm.Application.CustomFields.Queries.ListCustomFields;

/// <summary>
/// The organization's custom fields (any member): what clients read to know the keys of <c>custom_fields</c>.
/// Cached until a definition changes; the checks of record values read it too.
/// </summary>
public sealed record ListCustomFieldsQuery(CustomFieldRecordType? RecordType = null)
    : IQuery<CustomFieldList>, IOrganizationScoped, ICacheableQuery
{
    public string CacheKey => $"custom-fields:{RecordType}";

    public IReadOnlyList<string> CacheTags => [Crm.Application.Common.Caching.CacheTags.RecordsOf(typeof(CustomFieldDefinition))];
}

public sealed class ListCustomFieldsQueryHandler(IReadStore store, IRequestContext context)
    : IRequestHandler<ListCustomFieldsQuery, CustomFieldList>
{
    public async Task<CustomFieldList> Handle(ListCustomFieldsQuery request, CancellationToken cancellationToken)
    {
        var definitions = await store.ToListAsync(
            store.Query(new CustomFieldsOfOrganizationSpecification(context.RequireOrganizationId(), request.RecordType)),
            cancellationToken);
        return new CustomFieldList([.. definitions.Select(CustomFieldDto.From)]);
    }
}
