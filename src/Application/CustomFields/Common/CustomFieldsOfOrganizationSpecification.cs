using Ardalis.Specification;
using Crm.Domain.CustomFields;

namespace Crm.Application.CustomFields.Common;

/// <summary>An organization's custom field definitions, of one record type or of all.</summary>
public sealed class CustomFieldsOfOrganizationSpecification : Specification<CustomFieldDefinition>
{
    public CustomFieldsOfOrganizationSpecification(Guid organizationId, CustomFieldRecordType? recordType = null)
    {
        Query.Where(d => d.OrganizationId == organizationId);
        if (recordType is { } type)
        {
            Query.Where(d => d.RecordType == type);
        }

        Query.OrderBy(d => d.RecordType).ThenBy(d => d.Position).ThenBy(d => d.Key);
    }
}
