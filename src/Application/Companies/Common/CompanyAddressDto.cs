namespace Crm.Application.Companies.Common;

/// <summary>A postal address; every line is optional, <c>country</c> is an ISO 3166-1 alpha-2 code.</summary>
public sealed record CompanyAddressDto(
    string? Line1 = null,
    string? Line2 = null,
    string? City = null,
    string? Region = null,
    string? PostalCode = null,
    string? Country = null);
