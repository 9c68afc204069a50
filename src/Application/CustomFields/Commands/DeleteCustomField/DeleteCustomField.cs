using Crm.Application.Common.Auditing;
using Crm.Application.Common.Caching;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.CustomFields.Common;
using Crm.Domain.Companies;
using Crm.Domain.Contacts;
using Crm.Domain.CustomFields;
using Crm.Domain.Deals;
using Crm.Domain.Errors;
using MediatR;

namespace Crm.Application.CustomFields.Commands.DeleteCustomField;

/// <summary>
/// Deletes a custom field and, in the same transaction and one statement, its values from every record of its type.
/// </summary>
[Authorize(Roles = "owner,admin")]
[NoValidator("Its only input is the field id in the path, which routing accepts as a UUID only.")]
[AuditAction("delete_custom_field")]
public sealed record DeleteCustomFieldCommand(Guid Id) : ICommand<Unit>, IOrganizationScoped;

public sealed class DeleteCustomFieldCommandHandler(
    IRepository<CustomFieldDefinition> definitions,
    ICustomFieldStore values,
    ICacheInvalidations invalidations,
    IRequestContext context,
    IAuditTrail audit)
    : IRequestHandler<DeleteCustomFieldCommand, Unit>
{
    public async Task<Unit> Handle(DeleteCustomFieldCommand request, CancellationToken cancellationToken)
    {
        var definition = await definitions.GetInOrganizationAsync(request.Id, context, ErrorCatalog.CustomFieldNotFound, cancellationToken);
        definition.CheckDeletable(context.RequireActor());
        definitions.Remove(definition);
        await values.RemoveValuesAsync(definition.RecordType, definition.OrganizationId, definition.Key, cancellationToken);
        await values.SyncSortIndexAsync(definition, deleted: true, cancellationToken);
        invalidations.Invalidate(definition.OrganizationId, CacheTags.RecordsOf(definition.RecordType switch
        {
            CustomFieldRecordType.Contact => typeof(Contact),
            CustomFieldRecordType.Company => typeof(Company),
            _ => typeof(Deal),
        }));
        audit.Record(new AuditEvent("delete_custom_field", "custom_field", definition.Id, null, CustomFieldAudit.Changes(definition.Shape, null, definition.Key)));
        return Unit.Value;
    }
}
