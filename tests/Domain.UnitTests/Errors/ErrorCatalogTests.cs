using System.Text.RegularExpressions;
using Crm.Domain.Errors;

namespace Crm.Domain.UnitTests.Errors;

public sealed partial class ErrorCatalogTests
{
    [Test]
    public void Every_code_is_declared_once_in_snake_case_with_a_title()
    {
        var primaries = ErrorCatalog.All.GroupBy(e => e.Code).Select(g => g.First()).ToList();

        foreach (var error in ErrorCatalog.All)
        {
            SnakeCase().IsMatch(error.Code).ShouldBeTrue(error.Code);
            error.Title.ShouldNotBeNullOrWhiteSpace(error.Code);
            error.Title.ShouldEndWith(".", Case.Sensitive, error.Code);
            Enum.IsDefined(error.Kind).ShouldBeTrue(error.Code);
        }

        primaries.Select(e => e.Title).ShouldBeUnique();
        foreach (var variants in ErrorCatalog.All.GroupBy(e => e.Code).Where(g => g.Count() > 1))
        {
            // A code appears twice only as an entry and its invalid-input variant (a record id in the body, a
            // wrong password in a request that is not a sign-in).
            variants.Count().ShouldBe(2, variants.Key);
            variants.First().Kind.ShouldNotBe(ErrorKind.Invalid, variants.Key);
            variants.Last().Kind.ShouldBe(ErrorKind.Invalid, variants.Key);
        }
    }

    [Test]
    public void A_kind_is_numbered_by_its_http_status()
    {
        ErrorCatalog.DealAmountRequired.Status.ShouldBe(400);
        ErrorCatalog.InvalidToken.Status.ShouldBe(401);
        ErrorCatalog.StageRollbackForbidden.Status.ShouldBe(403);
        ErrorCatalog.ContactNotFound.Status.ShouldBe(404);
        ErrorCatalog.ContactReferenceNotFound.Status.ShouldBe(400);
        ErrorCatalog.ContactReferenceNotFound.Code.ShouldBe(ErrorCatalog.ContactNotFound.Code);
        ErrorCatalog.WrongPassword.Status.ShouldBe(400);
        ErrorCatalog.WrongPassword.Code.ShouldBe(ErrorCatalog.InvalidCredentials.Code);
        ErrorCatalog.LastOwner.Status.ShouldBe(409);
        ErrorCatalog.RateLimited.Status.ShouldBe(429);
    }

    [Test]
    public void Find_answers_the_primary_entry_and_refuses_an_unknown_code()
    {
        ErrorCatalog.Find("deal_not_found").ShouldBeSameAs(ErrorCatalog.DealNotFound);
        Should.Throw<ArgumentException>(() => ErrorCatalog.Find("no_such_code"));
    }

    [TestCase(400, "invalid_request")]
    [TestCase(401, "authentication_required")]
    [TestCase(404, "not_found")]
    [TestCase(405, "method_not_allowed")]
    [TestCase(415, "unsupported_media_type")]
    [TestCase(503, "internal_error")]
    [TestCase(418, "invalid_request")]
    public void A_status_without_a_specific_error_has_a_general_entry(int status, string code) =>
        ErrorCatalog.ForStatus(status).Code.ShouldBe(code);

    [GeneratedRegex("^[a-z]+(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
