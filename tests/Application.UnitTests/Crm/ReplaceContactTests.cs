using Crm.Application.Common.Concurrency;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Mapping;
using Crm.Application.Common.Security;
using Crm.Application.Common.Transactions;
using Crm.Application.Contacts.Commands.ReplaceContact;
using Crm.Application.Contacts.Common;
using Crm.Application.UnitTests.CustomFields;
using Crm.Application.UnitTests.Suppressions;
using Crm.Domain.Common;
using Crm.Domain.Contacts;
using Crm.Domain.Organizations;
using Moq;

namespace Crm.Application.UnitTests.Crm;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ReplaceContactTests
{
    private readonly Guid _organization = Guid.NewGuid();
    private readonly Actor _owner = new(Guid.NewGuid(), MemberRole.Owner);
    private readonly RequestContext _context = new();
    private readonly Mock<IRepository<Contact>> _contacts = new();
    private readonly Contact _contact;

    public ReplaceContactTests()
    {
        _contact = Contact.Create(_organization, _owner, null, "Ada", "ada@example.com", "+44 20 7946 0000", DateTime.UtcNow);
        _contacts.Setup(c => c.FindAsync(_contact.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_contact);
        _context.SetUser(_owner.UserId, Guid.NewGuid());
        _context.SetOrganization(_organization, MemberRole.Owner);
    }

    [Test]
    public async Task Fields_left_out_are_cleared_and_keeping_an_owner_asks_nothing_of_it()
    {
        // No membership in the store: the owner kept is not checked again (it may have left the organization).
        var dto = await Replace(new ReplaceContactCommand(_contact.Id, "Ada Lovelace", null, null, _owner.UserId), new InMemoryReadStore());

        dto.Name.ShouldBe("Ada Lovelace");
        dto.Email.ShouldBeNull();
        dto.Phone.ShouldBeNull();
        _contact.NormalizedEmail.ShouldBeNull();
    }

    [Test]
    public async Task A_new_owner_must_be_a_member()
    {
        var error = await Should.ThrowAsync<BusinessRuleException>(() =>
            Replace(new ReplaceContactCommand(_contact.Id, "Ada", null, null, Guid.NewGuid()), new InMemoryReadStore()));

        error.Code.ShouldBe("user_not_member");
    }

    [Test]
    public async Task A_member_may_not_replace_a_contact_it_does_not_own()
    {
        _context.SetOrganization(_organization, MemberRole.Member);
        _context.SetUser(Guid.NewGuid(), Guid.NewGuid());

        var error = await Should.ThrowAsync<BusinessRuleException>(() =>
            Replace(new ReplaceContactCommand(_contact.Id, "Mine", null, null, _owner.UserId), new InMemoryReadStore()));

        error.Code.ShouldBe("not_record_owner");
        _contact.Email.ShouldBe("ada@example.com");
    }

    [Test]
    public void Name_and_owner_are_required_and_the_rest_validated_as_on_create()
    {
        var result = new ReplaceContactValidator().Validate(new ReplaceContactCommand(_contact.Id, null!, "not-an-email", "12", null));

        result.Errors.Select(e => e.PropertyName).ShouldBe(["Name", "Email", "Phone", "OwnerId"], ignoreOrder: true);
    }

    private Task<ContactDto> Replace(ReplaceContactCommand command, IReadStore store) =>
        new ReplaceContactCommandHandler(
                _contacts.Object, store, CustomFieldFakes.Input(store), SuppressionFakes.Of(), _context, MappingProfile.CreateMapper(), TimeProvider.System, new WritePreconditions(), Mock.Of<ITransactionOutcome>())
            .Handle(command, CancellationToken.None);
}
