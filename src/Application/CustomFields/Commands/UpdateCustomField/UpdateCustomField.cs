using System.Text.Json;
using System.Text.Json.Serialization;
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

namespace Crm.Application.CustomFields.Commands.UpdateCustomField;

/// <summary>
/// Changes a custom field's label, type, options, currency, requirement or position (its key and record type stay).
/// A new type or options must accept every value records hold (checked in one query); a new label keeps them.
/// </summary>
[Authorize(Roles = "owner,admin")]
[AuditAction("update_custom_field")]
public sealed record UpdateCustomFieldCommand(
    [property: JsonIgnore] Guid Id,
    Optional<string> Label = default,
    Optional<CustomFieldType> Type = default,
    Optional<IReadOnlyList<string>?> Options = default,
    Optional<string?> Currency = default,
    Optional<bool> Required = default,
    Optional<int> Position = default)
    : ICommand<CustomFieldDto>, IOrganizationScoped;

public sealed class UpdateCustomFieldCommandHandler(
    IRepository<CustomFieldDefinition> definitions,
    ICustomFieldStore values,
    IRequestContext context,
    IAuditTrail audit,
    TimeProvider time)
    : IRequestHandler<UpdateCustomFieldCommand, CustomFieldDto>
{
    /// <summary>Distinct stored values checked against a new type or options; a field with more is checked on these.</summary>
    public const int MaxValuesChecked = 100_000;

    public async Task<CustomFieldDto> Handle(UpdateCustomFieldCommand request, CancellationToken cancellationToken)
    {
        var definition = await definitions.GetInOrganizationAsync(request.Id, context, ErrorCatalog.CustomFieldNotFound, cancellationToken);
        var before = definition.Shape;
        var after = Apply(request, before);
        if (after.Type != before.Type || !after.Options.SequenceEqual(before.Options, StringComparer.Ordinal) || after.Currency != before.Currency)
        {
            var stored = await values.DistinctValuesAsync(
                definition.RecordType, definition.OrganizationId, definition.Key, MaxValuesChecked, cancellationToken);
            var refused = stored.FirstOrDefault(json =>
            {
                using var value = JsonDocument.Parse(json);
                return !CustomFieldDefinition.Accepts(after, value.RootElement);
            });
            if (refused is not null)
            {
                throw new ConflictException(
                    ErrorCatalog.CustomFieldTypeChangeRefused,
                    $"A record holds {refused} under {definition.Key}, which the new type or options do not accept.");
            }
        }

        if (definition.Change(context.RequireActor(), after, time.UtcNow()))
        {
            if (after.Type != before.Type)
            {
                await values.SyncSortIndexAsync(definition, deleted: false, cancellationToken);
            }

            audit.Record(new AuditEvent("update_custom_field", "custom_field", definition.Id, null, CustomFieldAudit.Changes(before, definition)));
        }

        return CustomFieldDto.From(definition);
    }

    private static CustomFieldShape Apply(UpdateCustomFieldCommand request, CustomFieldShape shape)
    {
        var type = request.Type.IsSet ? request.Type.Value : shape.Type;
        var selects = type is CustomFieldType.Select or CustomFieldType.MultiSelect;

        // Leaving the select types drops the options, leaving currency drops the currency, unless sent.
        var options = request.Options.IsSet ? request.Options.Value ?? [] : selects ? shape.Options : [];
        var currency = request.Currency.IsSet ? request.Currency.Value : type == CustomFieldType.Currency ? shape.Currency : null;
        return new CustomFieldShape(
            request.Label.IsSet ? request.Label.Value : shape.Label,
            type,
            options,
            currency,
            request.Required.IsSet ? request.Required.Value : shape.Required,
            request.Position.IsSet ? request.Position.Value : shape.Position);
    }
}
