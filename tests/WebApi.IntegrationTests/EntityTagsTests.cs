using Crm.Application.Common.Exceptions;
using Crm.Infrastructure.Concurrency;
using Crm.Infrastructure.Identity;
using Crm.WebApi.Http;
using Microsoft.Extensions.Options;

namespace Crm.WebApi.IntegrationTests;

/// <summary>The header grammar of RFC 9110 §8.8.3 and §13.1 and the tags' encryption, without a server.</summary>
public sealed class EntityTagsTests
{
    private static readonly EntityTagCipher Cipher = CipherWith(TokenOptions.DevelopmentEncryptionKey);
    private static readonly Guid Id = Guid.CreateVersion7();

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void No_header_or_an_empty_one_is_no_condition(string? header) => EntityTags.IfMatch(header, Cipher, Id).ShouldBeNull();

    [Test]
    public void A_tag_names_its_version_of_its_record_only()
    {
        var tag = Tag(42);

        EntityTags.IfMatch(tag, Cipher, Id)!.Matches(42).ShouldBeTrue();
        EntityTags.IfMatch(tag, Cipher, Id)!.Matches(43).ShouldBeFalse();
        EntityTags.IfMatch(tag, Cipher, Guid.CreateVersion7())!.Matches(42).ShouldBeFalse();
        EntityTags.IfMatch(tag, CipherWith(Convert.ToBase64String(new byte[32])), Id)!.Matches(42).ShouldBeFalse();
    }

    [Test]
    public void A_tag_is_the_same_for_the_same_version_of_a_record_and_differs_for_anything_else()
    {
        Cipher.Tag(Id, 7).ShouldBe(Cipher.Tag(Id, 7));
        Cipher.Tag(Id, 7).ShouldNotBe(Cipher.Tag(Id, 8));
        Cipher.Tag(Id, 7).ShouldNotBe(Cipher.Tag(Guid.CreateVersion7(), 7));
        Cipher.Tag(Id, 7).Length.ShouldBe(22);
    }

    [Test]
    public void If_match_compares_strongly()
    {
        EntityTags.IfMatch("*", Cipher, Id)!.Matches(7).ShouldBeTrue();
        EntityTags.IfMatch($" {Tag(7)} ", Cipher, Id)!.Matches(7).ShouldBeTrue();
        EntityTags.IfMatch($"{Tag(3)}, {Tag(7)}", Cipher, Id)!.Matches(7).ShouldBeTrue();
        EntityTags.IfMatch($"{Tag(3)},,\t{Tag(7)},", Cipher, Id)!.Matches(7).ShouldBeTrue();
        EntityTags.IfMatch($"W/{Tag(7)}", Cipher, Id)!.Matches(7).ShouldBeFalse();
        EntityTags.IfMatch("\"7\"", Cipher, Id)!.Matches(7).ShouldBeFalse();
        EntityTags.IfMatch("\"\"", Cipher, Id)!.Matches(0).ShouldBeFalse();
    }

    [Test]
    public void If_none_match_compares_weakly()
    {
        EntityTags.IfNoneMatch($"W/{Tag(7)}", Cipher, Id)!.Matches(7).ShouldBeTrue();
        EntityTags.IfNoneMatch($"{Tag(8)}, W/{Tag(7)}", Cipher, Id)!.Matches(7).ShouldBeTrue();
        EntityTags.IfNoneMatch(Tag(8), Cipher, Id)!.Matches(7).ShouldBeFalse();
    }

    [TestCase("7")]
    [TestCase("\"7")]
    [TestCase("* , \"7\"")]
    [TestCase("\"7\" x")]
    [TestCase("w/\"7\"")]
    [TestCase("\"a b\"")]
    [TestCase(", ,")]
    public void A_malformed_header_is_refused(string header)
    {
        var error = Should.Throw<InvalidInputException>(() => EntityTags.IfMatch(header, Cipher, Id));

        error.Code.ShouldBe("invalid_entity_tag");
    }

    private static string Tag(uint version) => $"\"{Cipher.Tag(Id, version)}\"";

    private static EntityTagCipher CipherWith(string key) =>
        new(Options.Create(new TokenOptions { EncryptionKeys = [key] }));
}
