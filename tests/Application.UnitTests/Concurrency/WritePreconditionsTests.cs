using AutoMapper;
using Crm.Application.Common.Concurrency;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Mapping;
using Crm.Application.Common.Security;
using Crm.Application.Common.Transactions;
using Crm.Application.Contacts.Commands.UpdateContact;
using Crm.Application.UnitTests.CustomFields;
using Crm.Application.UnitTests.Suppressions;
using Crm.Domain.Common;
using Crm.Domain.Contacts;
using Crm.Domain.Organizations;
using Moq;

namespace Crm.Application.UnitTests.Concurrency;

public sealed class WritePreconditionsTests
{
    private static readonly IMapper Mapper = MappingProfile.CreateMapper();

    [Test]
    public void A_write_without_condition_is_neither_checked_nor_guarded()
    {
        var preconditions = new WritePreconditions();
        var record = new Record(7);

        preconditions.Require(record, null);

        preconditions.Guards(record).ShouldBeFalse();
    }

    [Test]
    public void A_write_at_a_listed_version_goes_on_and_its_record_is_guarded()
    {
        var preconditions = new WritePreconditions();
        var record = new Record(7);

        preconditions.Require(record, VersionCondition.OneOf(3, 7));

        preconditions.Guards(record).ShouldBeTrue();
        preconditions.Guards(new Record(7)).ShouldBeFalse();
    }

    [Test]
    public void A_write_at_another_version_fails_its_precondition()
    {
        var error = Should.Throw<PreconditionFailedException>(() => new WritePreconditions().Require(new Record(8), VersionCondition.OneOf(7)));

        error.Code.ShouldBe("precondition_failed");
        error.Error.Status.ShouldBe(412);
    }

    [Test]
    public void A_star_matches_any_version_and_an_empty_list_none()
    {
        VersionCondition.Any.Matches(12345).ShouldBeTrue();
        VersionCondition.OneOf().Matches(0).ShouldBeFalse();
    }

    [Test]
    public async Task A_stale_if_match_changes_nothing_of_the_contact()
    {
        var organization = Guid.NewGuid();
        var owner = new Actor(Guid.NewGuid(), MemberRole.Owner);
        var context = new RequestContext();
        context.SetUser(owner.UserId, Guid.NewGuid());
        context.SetOrganization(organization, MemberRole.Owner);
        var contact = Contact.Create(organization, owner, null, "Ada", null, null, DateTime.UtcNow);
        var contacts = new Mock<IRepository<Contact>>();
        contacts.Setup(c => c.FindAsync(contact.Id, It.IsAny<CancellationToken>())).ReturnsAsync(contact);
        var handler = new UpdateContactCommandHandler(
            contacts.Object, new InMemoryReadStore(), CustomFieldFakes.Input(new InMemoryReadStore()), SuppressionFakes.Of(), context, Mapper, TimeProvider.System, new WritePreconditions(), Mock.Of<ITransactionOutcome>());

        var command = new UpdateContactCommand(contact.Id, "Grace", default, default, default, IfMatch: VersionCondition.OneOf(contact.Version + 1));
        var error = await Should.ThrowAsync<PreconditionFailedException>(() => handler.Handle(command, CancellationToken.None));

        error.Code.ShouldBe("precondition_failed");
        contact.Name.ShouldBe("Ada");
    }

    [Test]
    public void An_answer_takes_the_records_version_once_the_command_commits()
    {
        var outcome = new TransactionOutcome();
        var record = new Record(1);
        var answer = outcome.VersionedAfterCommit(new Answer(), record);
        record.Version = 2;

        answer.Version.ShouldBe(0u);
        foreach (var action in outcome.DrainCommit())
        {
            action(CancellationToken.None).GetAwaiter().GetResult();
        }

        answer.Version.ShouldBe(2u);
    }

    private sealed class Record(uint version) : IVersioned
    {
        public uint Version { get; set; } = version;
    }

    private sealed class Answer : IVersionedResource
    {
        public Guid Id { get; } = Guid.NewGuid();

        public uint Version { get; set; }
    }
}
