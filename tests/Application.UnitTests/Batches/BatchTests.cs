using Crm.Application.Common.Batches;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Messaging;
using Crm.Application.Contacts.Commands.CreateContact;
using Crm.Application.Contacts.Commands.UpsertContacts;
using Crm.Domain.Common;
using Crm.Domain.Errors;
using FluentValidation.Results;

namespace Crm.Application.UnitTests.Batches;

public sealed class BatchTests
{
    [TestCase(0, false)]
    [TestCase(1, true)]
    [TestCase(500, true)]
    [TestCase(501, false)]
    public void A_contact_batch_holds_1_to_500_items(int count, bool valid) =>
        new UpsertContactsValidator().Validate(new UpsertContactsBatch(Enumerable.Repeat(Item(), count).ToList())).IsValid.ShouldBe(valid);

    [Test]
    public void An_items_failure_carries_the_code_and_detail_its_single_request_would_answer()
    {
        BatchItemResult.FromException(3, new ConflictException(ErrorCatalog.ExternalIdTaken))!
            .ShouldBe(new BatchItemResult(3, BatchItemStatus.Failed, null, "external_id_taken", ErrorCatalog.ExternalIdTaken.Title));
        BatchItemResult.FromException(0, new BusinessRuleException(ErrorCatalog.NotRecordOwner, "not yours"))!.Code.ShouldBe("not_record_owner");
        var invalid = BatchItemResult.FromException(1, new ValidationException([new ValidationFailure("ExternalId", "must not be blank")]))!;
        invalid.Code.ShouldBe("validation_failed");
        invalid.Detail.ShouldBe("external_id: must not be blank");
        BatchItemResult.FromException(2, new InvalidOperationException("bug")).ShouldBeNull();
    }

    [Test]
    public void Counts_add_up_the_items_statuses()
    {
        var id = Guid.NewGuid();
        BatchResult.Of([BatchItemResult.Created(0, id), BatchItemResult.Created(1, id), BatchItemResult.Unchanged(2, id), BatchItemResult.Failed(3, ErrorCatalog.ExternalIdTaken)])
            .Counts.ShouldBe(new BatchCounts(2, 0, 1, 1));
    }

    [Test]
    public void A_batch_is_a_write_but_not_a_command_so_that_each_item_has_its_own_transaction()
    {
        RequestKind<UpsertContactsBatch>.IsWrite.ShouldBeTrue();
        RequestKind<UpsertContactsBatch>.IsCommand.ShouldBeFalse();
        RequestKind<CreateContactCommand>.IsWrite.ShouldBeTrue();
    }

    private static ContactBatchItem Item() => new(new Optional<string>(true, "Ada"), default, default, default, default);
}
