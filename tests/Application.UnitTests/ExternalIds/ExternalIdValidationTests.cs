using Crm.Application.Contacts.Commands.CreateContact;
using Crm.Application.Contacts.Commands.ReplaceContact;
using Crm.Application.Contacts.Commands.UpdateContact;
using Crm.Application.Contacts.Queries.ListContacts;
using Crm.Application.Deals.Commands.CreateDeal;
using Crm.Application.Deals.Commands.UpdateDeal;
using Crm.Domain.Common;

namespace Crm.Application.UnitTests.ExternalIds;

public sealed class ExternalIdValidationTests
{
    [TestCase("a", true)]
    [TestCase(" sf-1 ", true)]
    [TestCase(null, true)]
    [TestCase("", false)]
    [TestCase("   ", false)]
    public void An_external_id_is_either_absent_or_not_blank(string? externalId, bool valid) =>
        Failures(externalId).ShouldAllBe(f => f == (valid ? 0 : 1));

    [TestCase(255, true)]
    [TestCase(256, false)]
    public void An_external_id_has_at_most_255_characters(int length, bool valid)
    {
        Failures(new string('x', length)).ShouldAllBe(f => f == (valid ? 0 : 1));
        new ListContactsValidator().Validate(new ListContactsQuery(ExternalId: [new string('x', length)])).IsValid.ShouldBe(valid);
    }

    [TestCase(20, true)]
    [TestCase(21, false)]
    public void The_external_id_filter_takes_a_bounded_number_of_values(int count, bool valid) =>
        new ListContactsValidator().Validate(new ListContactsQuery(ExternalId: Enumerable.Repeat("x", count).ToList())).IsValid.ShouldBe(valid);

    /// <summary>The number of external_id failures of each command that sets it.</summary>
    private static int[] Failures(string? externalId) =>
    [
        Count(new CreateContactValidator().Validate(new CreateContactCommand("Ada", null, null, null, externalId))),
        Count(new ReplaceContactValidator().Validate(new ReplaceContactCommand(Guid.NewGuid(), "Ada", null, null, Guid.NewGuid(), externalId))),
        Count(new UpdateContactValidator().Validate(new UpdateContactCommand(Guid.NewGuid(), default, default, default, default, new Optional<string?>(true, externalId)))),
        Count(new CreateDealValidator().Validate(new CreateDealCommand(Guid.NewGuid(), "Deal", null, null, null, null, externalId))),
        Count(new UpdateDealValidator().Validate(new UpdateDealCommand(Guid.NewGuid(), default, default, default, default, default, default, default, new Optional<string?>(true, externalId)))),
    ];

    private static int Count(FluentValidation.Results.ValidationResult result) =>
        result.Errors.Count(e => e.PropertyName == "ExternalId");
}
