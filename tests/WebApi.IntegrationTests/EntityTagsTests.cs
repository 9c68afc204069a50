using Crm.Application.Common.Exceptions;
using Crm.WebApi.Http;

namespace Crm.WebApi.IntegrationTests;

/// <summary>The header grammar of RFC 9110 §8.8.3 and §13.1, without a server.</summary>
public sealed class EntityTagsTests
{
    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void No_header_or_an_empty_one_is_no_condition(string? header) => EntityTags.IfMatch(header).ShouldBeNull();

    [Test]
    public void A_tag_names_the_version_it_was_made_of() => EntityTags.IfMatch(EntityTags.Of(42))!.Matches(42).ShouldBeTrue();

    [TestCase("*", 7u, true)]
    [TestCase(" \"7\" ", 7u, true)]
    [TestCase("\"3\", \"7\"", 7u, true)]
    [TestCase("\"3\",,\t\"7\",", 7u, true)]
    [TestCase("W/\"7\"", 7u, false)]
    [TestCase("\"07x\"", 7u, false)]
    [TestCase("\"99999999999\"", 7u, false)]
    [TestCase("\"\"", 0u, false)]
    public void If_match_compares_strongly(string header, uint version, bool matches) =>
        EntityTags.IfMatch(header)!.Matches(version).ShouldBe(matches);

    [TestCase("W/\"7\"", 7u, true)]
    [TestCase("\"8\", W/\"7\"", 7u, true)]
    [TestCase("\"8\"", 7u, false)]
    public void If_none_match_compares_weakly(string header, uint version, bool matches) =>
        EntityTags.IfNoneMatch(header)!.Matches(version).ShouldBe(matches);

    [TestCase("7")]
    [TestCase("\"7")]
    [TestCase("* , \"7\"")]
    [TestCase("\"7\" x")]
    [TestCase("w/\"7\"")]
    [TestCase("\"a b\"")]
    [TestCase(", ,")]
    public void A_malformed_header_is_refused(string header)
    {
        var error = Should.Throw<InvalidInputException>(() => EntityTags.IfMatch(header));

        error.Code.ShouldBe("invalid_entity_tag");
    }
}
