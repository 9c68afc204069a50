using Crm.Application.Common.Idempotency;
using Crm.Domain.Errors;

namespace Crm.Application.UnitTests.Idempotency;

public sealed class IdempotencyKeysTests
{
    [TestCase("a")]
    [TestCase("0193b2f4-6f1e-7c3a-9a51-1c2d3e4f5a6b")]
    [TestCase("order 42 / retry ~!")]
    public void A_key_of_printable_ascii_is_valid(string key) => IdempotencyKeys.IsValid(key).ShouldBeTrue();

    [Test]
    public void A_key_of_255_characters_is_valid_and_of_256_not()
    {
        IdempotencyKeys.IsValid(new string('k', 255)).ShouldBeTrue();
        IdempotencyKeys.IsValid(new string('k', 256)).ShouldBeFalse();
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("tab\there")]
    [TestCase("naïve")]
    [TestCase("del\u007f")]
    public void Anything_else_is_not_a_key(string? key) => IdempotencyKeys.IsValid(key).ShouldBeFalse();

    [TestCase(200)]
    [TestCase(201)]
    [TestCase(204)]
    public void Successes_are_kept(int status) => IdempotencyKeys.Keeps(status, null).ShouldBeTrue();

    [Test]
    public void Refusals_decided_by_the_requests_own_work_are_kept()
    {
        foreach (var error in new[]
        {
            ErrorCatalog.ContactNotFound, ErrorCatalog.NotRecordOwner, ErrorCatalog.DealAmountRequired,
            ErrorCatalog.ContactEmailTaken, ErrorCatalog.PreconditionFailed,
        })
        {
            IdempotencyKeys.Keeps(error.Status, error.Code).ShouldBeTrue(error.Code);
        }
    }

    [Test]
    public void Server_errors_rate_limits_concurrent_updates_and_refused_input_are_released()
    {
        IdempotencyKeys.Keeps(500, ErrorCatalog.InternalError.Code).ShouldBeFalse();
        IdempotencyKeys.Keeps(503, null).ShouldBeFalse();
        IdempotencyKeys.Keeps(429, ErrorCatalog.TooManyLoginAttempts.Code).ShouldBeFalse();
        foreach (var error in new[]
        {
            ErrorCatalog.ValidationFailed, ErrorCatalog.MalformedJson, ErrorCatalog.InvalidRequest, ErrorCatalog.PayloadTooLarge,
            ErrorCatalog.UnsupportedMediaType, ErrorCatalog.ConcurrentUpdate,
        })
        {
            IdempotencyKeys.Keeps(error.Status, error.Code).ShouldBeFalse(error.Code);
        }
    }
}
