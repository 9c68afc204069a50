namespace Crm.Application.Exports.Common;

/// <summary>The kinds of records an export names beside their ids.</summary>
public enum ExportRelated
{
    /// <summary>A member or API key: its email, or the key's name.</summary>
    Member,
    Contact,
    Company,
    Deal,
}
