using Crm.Domain.Contacts;

namespace Crm.Infrastructure.Imports;

/// <summary>
/// One data row of a contacts import after the checks that need no database: the contact it would create (built by the
/// domain's own factory, so with its rules), which fields its cells gave (an empty cell leaves a matched contact's
/// field as it is), or why it fails.
/// </summary>
internal sealed record PreparedContactRow(long Row, string Raw)
{
    public Contact? Contact { get; init; }

    public bool NameGiven { get; init; }

    public bool EmailGiven { get; init; }

    public bool PhoneGiven { get; init; }

    public bool ExternalIdGiven { get; init; }

    public bool OwnerGiven { get; init; }

    public bool TagsGiven { get; init; }

    /// <summary>The required custom fields the row leaves empty: refused if the row creates a contact.</summary>
    public string? MissingRequired { get; init; }

    public string? FailedCode { get; init; }

    public string? FailedDetail { get; init; }
}
