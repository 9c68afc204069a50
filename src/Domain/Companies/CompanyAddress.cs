namespace Crm.Domain.Companies;

/// <summary>A postal address; <see cref="Country"/> is an ISO 3166-1 alpha-2 code.</summary>
public sealed record CompanyAddress(
    string? Line1, string? Line2, string? City, string? Region, string? PostalCode, string? Country)
{
    public const int LineMaxLength = 200;
    public const int CityMaxLength = 100;
    public const int RegionMaxLength = 100;
    public const int PostalCodeMaxLength = 20;

    /// <summary>Trimmed, blanks as null, the country upper-cased; null when nothing is left.</summary>
    public CompanyAddress? Normalized()
    {
        var address = new CompanyAddress(
            Blank(Line1), Blank(Line2), Blank(City), Blank(Region), Blank(PostalCode), Blank(Country)?.ToUpperInvariant());
        return address is { Line1: null, Line2: null, City: null, Region: null, PostalCode: null, Country: null } ? null : address;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
