using Crm.Application.Companies.Commands.CreateCompany;
using Crm.Application.Companies.Commands.UpdateCompany;
using Crm.Application.Companies.Common;

namespace Crm.Application.UnitTests.Companies;

public sealed class CompanyValidatorTests
{
    [Test]
    public void A_company_with_valid_fields_passes() =>
        new CreateCompanyValidator().Validate(new CreateCompanyCommand(
                "Acme", "https://www.acme.com/about", "Tools", 0, "https://acme.com", "+1 202 555 0143",
                new CompanyAddressDto("1 Road", null, "Springfield", "IL", "62701", "us")))
            .IsValid.ShouldBeTrue();

    [TestCase(nameof(CreateCompanyCommand.Domain), "localhost")]
    [TestCase(nameof(CreateCompanyCommand.Website), "javascript:alert(1)")]
    [TestCase(nameof(CreateCompanyCommand.Website), "acme.com")]
    [TestCase(nameof(CreateCompanyCommand.EmployeeCount), "-1")]
    [TestCase(nameof(CreateCompanyCommand.EmployeeCount), "10000001")]
    [TestCase("Address.Country", "ZZ")]
    [TestCase("Address.PostalCode", "123456789012345678901")]
    public void An_invalid_field_is_named(string field, string value)
    {
        var command = field switch
        {
            nameof(CreateCompanyCommand.Domain) => new CreateCompanyCommand("Acme", Domain: value),
            nameof(CreateCompanyCommand.Website) => new CreateCompanyCommand("Acme", Website: value),
            nameof(CreateCompanyCommand.EmployeeCount) => new CreateCompanyCommand("Acme", EmployeeCount: int.Parse(value)),
            "Address.Country" => new CreateCompanyCommand("Acme", Address: new CompanyAddressDto(Country: value)),
            _ => new CreateCompanyCommand("Acme", Address: new CompanyAddressDto(PostalCode: value)),
        };

        new CreateCompanyValidator().Validate(command).Errors.Select(e => e.PropertyName).ShouldContain(field);
    }

    [Test]
    public void An_update_checks_only_the_fields_it_sets_and_may_clear_the_optional_ones()
    {
        var validator = new UpdateCompanyValidator();

        validator.Validate(new UpdateCompanyCommand(Guid.NewGuid(), Domain: (string?)null, Address: (CompanyAddressDto?)null)).IsValid.ShouldBeTrue();
        validator.Validate(new UpdateCompanyCommand(Guid.NewGuid())).IsValid.ShouldBeTrue();
        validator.Validate(new UpdateCompanyCommand(Guid.NewGuid(), Name: " ")).Errors.Select(e => e.PropertyName).ShouldContain("Name");
        validator.Validate(new UpdateCompanyCommand(Guid.NewGuid(), Address: new CompanyAddressDto(Country: "GBR")))
            .Errors.Select(e => e.PropertyName).ShouldContain("Address.Country");
    }
}
