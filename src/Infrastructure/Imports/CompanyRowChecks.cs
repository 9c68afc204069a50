using System.Globalization;
using System.Text.Json;
using Crm.Application.Companies.Commands.CreateCompany;
using Crm.Application.Companies.Common;
using Crm.Application.Imports.Common;
using Crm.Domain.Common;
using Crm.Domain.Companies;
using Crm.Domain.CustomFields;
using Crm.Domain.Errors;
using Crm.Domain.Imports;
using Crm.Domain.Organizations;

namespace Crm.Infrastructure.Imports;

/// <summary>
/// Checks each data row of a companies import as a create request would be checked (the create validator, then the
/// domain's factory, which normalises the domain), reads its custom fields against the organization's definitions and
/// its owner against the members, and refuses a row whose normalised domain an earlier row of the file already had.
/// </summary>
internal sealed class CompanyRowChecks(
    ClaimedImport job, Actor actor, DateTime now, IReadOnlyDictionary<string, CustomFieldShape> fields,
    IReadOnlyDictionary<string, Guid> membersByEmail)
    : ImportRowChecks<PreparedCompanyRow>(job, actor, now, fields, membersByEmail)
{
    private static readonly CreateCompanyValidator Validator = new();

    private readonly Dictionary<ulong, long> _domains = [];

    public override PreparedCompanyRow Check(long row, string[] cells)
    {
        var prepared = new PreparedCompanyRow(row, JsonSerializer.Serialize(cells));
        var name = Cell(cells, ImportFields.Name);
        var domain = Cell(cells, ImportFields.Domain);
        var industry = Cell(cells, ImportFields.Industry);
        var employees = Cell(cells, ImportFields.EmployeeCount);
        var website = Cell(cells, ImportFields.Website);
        var phone = Cell(cells, ImportFields.Phone);
        var address = new CompanyAddressDto(
            Cell(cells, ImportFields.AddressLine1), Cell(cells, ImportFields.AddressLine2), Cell(cells, ImportFields.AddressCity),
            Cell(cells, ImportFields.AddressRegion), Cell(cells, ImportFields.AddressPostalCode), Cell(cells, ImportFields.AddressCountry));
        var addressGiven = address != new CompanyAddressDto();
        var tags = Tags(cells);

        var key = CompanyDomain.Normalize(domain);
        if (Job.Mode == ImportMode.Upsert && key is null)
        {
            return Fail(prepared, ErrorCatalog.ImportMatchKeyMissing, $"The row has no {ImportFields.Domain}.");
        }

        var (owner, ownerRefusal) = Owner(cells);
        if (ownerRefusal is not null)
        {
            return Fail(prepared, ErrorCatalog.UserNotMember, ownerRefusal);
        }

        int? employeeCount = null;
        var refusals = new List<string>();
        if (employees is not null)
        {
            if (int.TryParse(employees, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var count))
            {
                employeeCount = count;
            }
            else
            {
                refusals.Add($"{ImportFields.EmployeeCount}: must be a whole number");
            }
        }

        var (values, missing, fieldRefusals) = CustomFields(cells);
        var validation = Validator.Validate(new CreateCompanyCommand(
            name ?? (Job.Mode == ImportMode.Upsert ? "-" : string.Empty), domain, industry, employeeCount, website, phone,
            addressGiven ? address : null, owner, tags));
        refusals.AddRange(validation.Errors.Select(e => $"{Snake(e.PropertyName)}: {e.ErrorMessage}"));
        refusals.AddRange(fieldRefusals);
        if (refusals.Count > 0)
        {
            return Fail(prepared, ErrorCatalog.ValidationFailed, string.Join("; ", refusals));
        }

        Company company;
        try
        {
            company = Company.Create(
                Job.OrganizationId, Actor, owner ?? Job.DefaultOwnerId ?? Job.RequestedBy,
                new CompanyDetails(
                    name ?? "-", domain, industry, employeeCount, website, phone,
                    addressGiven ? new CompanyAddress(address.Line1, address.Line2, address.City, address.Region, address.PostalCode, address.Country) : null),
                Now, tags, values);
        }
        catch (BusinessRuleException rule)
        {
            return Fail(prepared, rule.Error, rule.Message);
        }

        if (key is not null && Claim(_domains, key, row) is { } first)
        {
            return Fail(prepared, ErrorCatalog.ImportDuplicateRow, $"Row {first} has the same {ImportFields.Domain}.");
        }

        return prepared with
        {
            Company = company,
            NameGiven = name is not null,
            DomainGiven = domain is not null,
            IndustryGiven = industry is not null,
            EmployeeCountGiven = employeeCount is not null,
            WebsiteGiven = website is not null,
            PhoneGiven = phone is not null,
            AddressGiven = addressGiven,
            OwnerGiven = owner is not null,
            TagsGiven = tags is not null,
            MissingRequired = missing,
        };
    }
}
