namespace Crm.Application.Exports.Common;

/// <summary>
/// One column of an export: its name (the API's field in snake_case, a nested field as <c>address.city</c>) and how
/// to read it from a row. A related record's name beside its id (<c>contact_name</c> beside <c>contact_id</c>) has
/// <see cref="NameOf"/> set and is filled in from the ids of each page.
/// </summary>
public sealed record ExportColumn(string Name, Func<object, object?> Read, ExportRelated? NameOf = null);
