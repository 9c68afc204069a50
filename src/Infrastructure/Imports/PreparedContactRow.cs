using Crm.Domain.Contacts;

namespace Crm.Infrastructure.Imports;

/// <summary>
/// A row of a contacts import: the contact it would create (built by the domain's own factory, so with its rules),
/// which fields its cells gave (an empty cell leaves a matched contact's field as it is), and the company it names.
/// </summary>
internal sealed record PreparedContactRow(long Row, string Raw) : PreparedImportRow(Row, Raw)
{
    public Contact? Contact { get; init; }

    public bool NameGiven { get; init; }

    public bool EmailGiven { get; init; }

    public bool PhoneGiven { get; init; }

    public bool ExternalIdGiven { get; init; }

    public bool OwnerGiven { get; init; }

    public bool TagsGiven { get; init; }

    /// <summary>The normalised domain of the company the row names, if it names one by domain.</summary>
    public string? CompanyDomain { get; init; }

    /// <summary>The name of the company the row names, looked up (in any case) when it gives no domain.</summary>
    public string? CompanyName { get; init; }
}
