namespace Crm.Application.CustomFields.Common;

/// <summary>The organization's custom fields, by record type then position.</summary>
public sealed record CustomFieldList(IReadOnlyList<CustomFieldDto> Items);
