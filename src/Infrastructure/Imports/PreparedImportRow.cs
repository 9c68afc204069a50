namespace Crm.Infrastructure.Imports;

/// <summary>
/// One data row of an import after the checks that need no database: where it is in the file, its cells as read (a
/// JSON array, for the errors file), and why it fails, if it does; each record type adds the record it would write.
/// </summary>
internal abstract record PreparedImportRow(long Row, string Raw)
{
    public string? FailedCode { get; init; }

    public string? FailedDetail { get; init; }

    /// <summary>The required custom fields the row leaves empty: refused if the row creates a record.</summary>
    public string? MissingRequired { get; init; }
}
