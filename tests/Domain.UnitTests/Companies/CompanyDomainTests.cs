using Crm.Domain.Companies;

namespace Crm.Domain.UnitTests.Companies;

public sealed class CompanyDomainTests
{
    [TestCase("acme.com", "acme.com")]
    [TestCase("  ACME.com ", "acme.com")]
    [TestCase("https://www.acme.com/about?x=1#top", "acme.com")]
    [TestCase("http://Shop.Acme.co.uk:8080/", "shop.acme.co.uk")]
    [TestCase("//www.acme.com", "acme.com")]
    [TestCase("acme.com.", "acme.com")]
    [TestCase("user@acme.com", "acme.com")]
    [TestCase("xn--bcher-kva.de", "xn--bcher-kva.de")]
    [TestCase("www2.acme.com", "www2.acme.com")]
    public void A_domain_is_stored_lower_case_without_scheme_www_port_or_path(string sent, string stored)
    {
        CompanyDomain.Normalize(sent).ShouldBe(stored);
        CompanyDomain.IsValid(sent).ShouldBeTrue();
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void No_domain_is_null(string? sent) => CompanyDomain.Normalize(sent).ShouldBeNull();

    [TestCase("bücher.de")]
    [TestCase("acme")]
    [TestCase("192.168.1.1")]
    [TestCase("acme..com")]
    [TestCase("acme_corp.com")]
    [TestCase("www.")]
    public void A_value_that_is_not_a_public_ascii_host_name_is_not_valid(string sent) =>
        CompanyDomain.IsValid(sent).ShouldBeFalse();

    [Test]
    public void A_label_longer_than_63_characters_is_not_valid() =>
        CompanyDomain.IsValid(new string('a', 64) + ".com").ShouldBeFalse();

    [TestCase("US", true)]
    [TestCase("de", true)]
    [TestCase("XX", false)]
    [TestCase("USA", false)]
    [TestCase("UK", false)]
    public void Countries_are_iso_3166_alpha_2_codes(string code, bool valid) => CountryCodes.IsValid(code).ShouldBe(valid);
}
