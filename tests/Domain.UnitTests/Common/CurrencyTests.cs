using Crm.Domain.Common;

namespace Crm.Domain.UnitTests.Common;

public sealed class CurrencyTests
{
    [TestCase("USD")]
    [TestCase("EUR")]
    [TestCase("JPY")]
    [TestCase("CHF")]
    public void Active_upper_case_ISO_4217_codes_are_valid(string code) => Currency.IsValid(code).ShouldBeTrue();

    [TestCase("usd")]
    [TestCase("US")]
    [TestCase("USDD")]
    [TestCase("XYZ")]
    [TestCase("")]
    [TestCase(null)]
    public void Anything_else_is_not(string? code) => Currency.IsValid(code).ShouldBeFalse();
}
