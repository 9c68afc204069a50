using System.Text.RegularExpressions;
using Crm.Application.ApiKeys.Common;

namespace Crm.Application.UnitTests.ApiKeys;

public sealed class ApiKeySecretsTests
{
    [Test]
    public void A_secret_is_crm_a_prefix_and_43_base62_characters_and_only_its_hash_is_kept()
    {
        var (secret, prefix, hash) = ApiKeySecrets.Generate();

        secret.ShouldMatch("^crm_[0-9A-Za-z]{8}_[0-9A-Za-z]{43}$");
        secret.ShouldStartWith(prefix + "_");
        prefix.Length.ShouldBe(12);
        hash.ShouldBe(ApiKeySecrets.Hash(secret));
        ApiKeySecrets.IsWellFormed(secret).ShouldBeTrue();
    }

    [Test]
    public void Secrets_do_not_repeat_and_use_the_whole_alphabet()
    {
        var secrets = Enumerable.Range(0, 200).Select(_ => ApiKeySecrets.Generate().Secret).ToList();

        secrets.Distinct().Count().ShouldBe(200);
        var randomParts = string.Concat(secrets.Select(s => s[13..]));
        randomParts.Distinct().Count().ShouldBe(62);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("eyJhbGciOiJFUzI1NiJ9.e30.sig")]
    [TestCase("crm_abcdefgh_tooShort")]
    [TestCase("crm_abcdefgh-0123456789012345678901234567890123456789012")]
    [TestCase("crm_abcdefgh_012345678901234567890123456789012345678901+")]
    [TestCase("CRM_abcdefgh_0123456789012345678901234567890123456789012")]
    public void Anything_not_shaped_like_a_secret_is_refused_before_a_lookup(string? text)
    {
        ApiKeySecrets.IsWellFormed(text).ShouldBeFalse();
        if (text is not null)
        {
            Regex.IsMatch(text, "^crm_[0-9A-Za-z]{8}_[0-9A-Za-z]{43}$").ShouldBeFalse();
        }
    }
}
