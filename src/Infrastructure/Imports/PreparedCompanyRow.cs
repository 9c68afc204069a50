using Crm.Domain.Companies;

namespace Crm.Infrastructure.Imports;

/// <summary>
/// A row of a companies import: the company it would create (built by the domain's own factory, so with its rules,
/// its domain normalised), and which fields its cells gave (an empty cell leaves a matched company's field as it is;
/// any address cell gives the whole address).
/// </summary>
internal sealed record PreparedCompanyRow(long Row, string Raw) : PreparedImportRow(Row, Raw)
{
    public Company? Company { get; init; }

    public bool NameGiven { get; init; }

    public bool DomainGiven { get; init; }

    public bool IndustryGiven { get; init; }

    public bool EmployeeCountGiven { get; init; }

    public bool WebsiteGiven { get; init; }

    public bool PhoneGiven { get; init; }

    public bool AddressGiven { get; init; }

    public bool OwnerGiven { get; init; }

    public bool TagsGiven { get; init; }
}
