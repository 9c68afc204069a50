using Crm.Application.Common.Auditing;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Messaging;
using Crm.Application.Common.Security;
using Crm.Application.CustomFields.Common;
using Crm.Domain.Common;
using Crm.Domain.CustomFields;
using Crm.Domain.Errors;
using MediatR;

namespace Crm.Application.CustomFields.Commands.CreateCustomField;

/// <summary>
/// Adds a custom field to the organization's records of one type; without a position it goes after the others.
/// </summary>
[Authorize(Roles = "owner,admin")]
[AuditAction("create_custom_field")]
public sealed record CreateCustomFieldCommand(
    CustomFieldRecordType RecordType,
    string Key,
    string Label,
    CustomFieldType Type,
    IReadOnlyList<string>? Options = null,
    string? Currency = null,
    bool? Required = null,
    int? Position = null)
    : ICommand<CustomFieldDto>, IOrganizationScoped;

public sealed class CreateCustomFieldCommandHandler(
    IRepository<CustomFieldDefinition> definitions, ICustomFieldStore values, IRequestContext context, IAuditTrail audit, TimeProvider time)
    : IRequestHandler<CreateCustomFieldCommand, CustomFieldDto>
{
    public async Task<CustomFieldDto> Handle(CreateCustomFieldCommand request, CancellationToken cancellationToken)
    {
        var organizationId = context.RequireOrganizationId();
        var existing = await definitions.ListAsync(
            new CustomFieldsOfOrganizationSpecification(organizationId, request.RecordType), cancellationToken);
        if (existing.Count >= CustomFieldDefinition.MaxPerRecordType)
        {
            throw new ConflictException(
                ErrorCatalog.CustomFieldLimitReached, $"A record type has at most {CustomFieldDefinition.MaxPerRecordType} custom fields.");
        }

        if (existing.Any(d => d.Key == request.Key))
        {
            throw new ConflictException(ErrorCatalog.CustomFieldKeyTaken, $"The {request.RecordType.ToString().ToLowerInvariant()}s already have a custom field {request.Key}.");
        }

        var position = request.Position ?? (existing.Count == 0 ? 0 : existing.Max(d => d.Position) + 1);
        var definition = CustomFieldDefinition.Define(
            organizationId,
            context.RequireActor(),
            request.RecordType,
            request.Key,
            new CustomFieldShape(request.Label, request.Type, request.Options ?? [], request.Currency, request.Required ?? false, position),
            time.UtcNow());
        definitions.Add(definition);
        await values.SyncSortIndexAsync(definition, deleted: false, cancellationToken);
        audit.Record(new AuditEvent("create_custom_field", "custom_field", definition.Id, null, CustomFieldAudit.Changes(null, definition)));
        return CustomFieldDto.From(definition);
    }
}
