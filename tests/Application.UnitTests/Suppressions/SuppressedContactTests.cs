using AutoMapper;
using Crm.Application.Common.Concurrency;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Mapping;
using Crm.Application.Common.Security;
using Crm.Application.Common.Transactions;
using Crm.Application.Contacts.Commands.CreateContact;
using Crm.Application.Contacts.Commands.UpdateContact;
using Crm.Application.UnitTests.CustomFields;
using Crm.Domain.Contacts;
using Crm.Domain.Organizations;
using Moq;

namespace Crm.Application.UnitTests.Suppressions;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class SuppressedContactTests
{
    private const string Suppressed = "grace@example.com";
    private static readonly IMapper Mapper = MappingProfile.CreateMapper();
    private readonly Guid _organization = Guid.NewGuid();
    private readonly Actor _owner = new(Guid.NewGuid(), MemberRole.Owner);
    private readonly RequestContext _context = new();
    private readonly Mock<IRepository<Contact>> _contacts = new();

    [SetUp]
    public void ActAsOwner()
    {
        _context.SetUser(_owner.UserId, Guid.NewGuid());
        _context.SetOrganization(_organization, MemberRole.Owner);
    }

    private CreateContactCommandHandler Create()
    {
        var store = new InMemoryReadStore();
        return new CreateContactCommandHandler(
            _contacts.Object, store, CustomFieldFakes.Input(store), SuppressionFakes.Of(Suppressed), _context, Mapper, TimeProvider.System,
            Mock.Of<ITransactionOutcome>());
    }

    private UpdateContactCommandHandler Update()
    {
        var store = new InMemoryReadStore();
        return new UpdateContactCommandHandler(
            _contacts.Object, store, CustomFieldFakes.Input(store), SuppressionFakes.Of(Suppressed), _context, Mapper, TimeProvider.System,
            new WritePreconditions(), Mock.Of<ITransactionOutcome>());
    }

    [Test]
    public async Task Creating_a_contact_with_a_suppressed_address_in_any_case_is_refused_and_adds_nothing()
    {
        var error = await Should.ThrowAsync<ConflictException>(() =>
            Create().Handle(new CreateContactCommand("Grace", " GRACE@example.COM ", null, null), CancellationToken.None));

        error.Error.Code.ShouldBe("suppressed");
        _contacts.Verify(c => c.Add(It.IsAny<Contact>()), Times.Never);
    }

    [Test]
    public async Task A_contact_without_an_address_or_with_another_one_is_created()
    {
        (await Create().Handle(new CreateContactCommand("Ada", null, null, null), CancellationToken.None)).Name.ShouldBe("Ada");
        (await Create().Handle(new CreateContactCommand("Ada", "ada@example.com", null, null), CancellationToken.None)).Email.ShouldBe("ada@example.com");
    }

    [Test]
    public async Task Changing_a_contacts_address_to_a_suppressed_one_is_refused_but_other_changes_pass()
    {
        var contact = Contact.Create(_organization, _owner, null, "Ada", "ada@example.com", null, DateTime.UtcNow);
        _contacts.Setup(c => c.FindAsync(contact.Id, It.IsAny<CancellationToken>())).ReturnsAsync(contact);

        var error = await Should.ThrowAsync<ConflictException>(() =>
            Update().Handle(new UpdateContactCommand(contact.Id, default, Suppressed, default, default), CancellationToken.None));
        error.Error.Code.ShouldBe("suppressed");

        var renamed = Contact.Create(_organization, _owner, null, "Ada", "ada@example.com", null, DateTime.UtcNow);
        _contacts.Setup(c => c.FindAsync(renamed.Id, It.IsAny<CancellationToken>())).ReturnsAsync(renamed);
        (await Update().Handle(new UpdateContactCommand(renamed.Id, "Ada King", default, default, default), CancellationToken.None)).Name.ShouldBe("Ada King");
    }
}
