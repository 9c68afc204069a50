using AutoMapper;
using Crm.Application.Common.Caching;
using Crm.Application.Common.Concurrency;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Files;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Mapping;
using Crm.Application.Common.Security;
using Crm.Application.Common.Transactions;
using Crm.Application.Contacts.Commands.CreateContact;
using Crm.Application.Contacts.Commands.DeleteContact;
using Crm.Application.Contacts.Queries.ListContacts;
using Crm.Application.Deals.Commands.CreateDeal;
using Crm.Application.UnitTests.CustomFields;
using Crm.Application.UnitTests.Suppressions;
using Crm.Domain.ApiKeys;
using Crm.Domain.Common;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Organizations;
using Moq;

namespace Crm.Application.UnitTests.Crm;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class CrmHandlerTests
{
    private static readonly IMapper Mapper = MappingProfile.CreateMapper();
    private readonly Guid _organization = Guid.NewGuid();
    private readonly Actor _owner = new(Guid.NewGuid(), MemberRole.Owner);
    private readonly RequestContext _context = new();
    private readonly Mock<IRepository<Contact>> _contacts = new();
    private readonly Mock<IRepository<Deal>> _deals = new();

    [SetUp]
    public void ActAsOwner()
    {
        _context.SetUser(_owner.UserId, Guid.NewGuid());
        _context.SetOrganization(_organization, MemberRole.Owner);
    }

    [Test]
    public async Task A_contact_owner_must_be_a_member_of_the_organization()
    {
        var error = await Should.ThrowAsync<BusinessRuleException>(() =>
            new CreateContactCommandHandler(_contacts.Object, new InMemoryReadStore(), CustomFieldFakes.Input(new InMemoryReadStore()), SuppressionFakes.Of(), _context, Mapper, TimeProvider.System, Mock.Of<ITransactionOutcome>())
                .Handle(new CreateContactCommand("Ada", null, null, Guid.NewGuid()), CancellationToken.None));

        error.Code.ShouldBe("user_not_member");
    }

    [Test]
    public async Task An_unrevoked_api_key_of_the_organization_may_own_a_contact_and_a_revoked_or_foreign_one_may_not()
    {
        var live = ApiKey.Issue(_organization, _owner, "Sync", MemberRole.Member, false, null, "crm_abcdefgh", [1], DateTime.UtcNow);
        var revoked = ApiKey.Issue(_organization, _owner, "Old", MemberRole.Member, false, null, "crm_bcdefghi", [2], DateTime.UtcNow);
        revoked.Revoke(_owner, DateTime.UtcNow);
        var foreign = ApiKey.Issue(Guid.NewGuid(), _owner, "Theirs", MemberRole.Member, false, null, "crm_cdefghij", [3], DateTime.UtcNow);
        var store = new InMemoryReadStore().With(live, revoked, foreign);
        var handler = new CreateContactCommandHandler(_contacts.Object, store, CustomFieldFakes.Input(store), SuppressionFakes.Of(), _context, Mapper, TimeProvider.System, Mock.Of<ITransactionOutcome>());

        (await handler.Handle(new CreateContactCommand("Ada", null, null, live.Id), CancellationToken.None)).OwnerId.ShouldBe(live.Id);
        foreach (var refused in new[] { revoked.Id, foreign.Id })
        {
            (await Should.ThrowAsync<BusinessRuleException>(() =>
                handler.Handle(new CreateContactCommand("Ada", null, null, refused), CancellationToken.None))).Code.ShouldBe("user_not_member");
        }
    }

    [Test]
    public async Task A_contact_with_deals_is_not_deleted()
    {
        var contact = Contact.Create(_organization, _owner, null, "Ada", null, null, DateTime.UtcNow);
        var deal = Deal.Open(_organization, _owner, contact.Id, "Deal", 0m, "USD", DealStage.Qualification, null, DateTime.UtcNow);
        _contacts.Setup(c => c.FindAsync(contact.Id, It.IsAny<CancellationToken>())).ReturnsAsync(contact);

        var error = await Should.ThrowAsync<ConflictException>(() =>
            new DeleteContactCommandHandler(_contacts.Object, new InMemoryReadStore().With(deal), Mock.Of<IFileStorage>(), Mock.Of<ITransactionOutcome>(), _context, new WritePreconditions())
                .Handle(new DeleteContactCommand(contact.Id), CancellationToken.None));

        error.Code.ShouldBe("contact_has_deals");
        _contacts.Verify(c => c.Remove(It.IsAny<Contact>()), Times.Never);
    }

    [Test]
    public async Task A_record_of_another_organization_is_not_found_even_if_a_repository_returned_it()
    {
        var foreign = Contact.Create(Guid.NewGuid(), _owner, null, "Elsewhere", null, null, DateTime.UtcNow);
        _contacts.Setup(c => c.FindAsync(foreign.Id, It.IsAny<CancellationToken>())).ReturnsAsync(foreign);

        var error = await Should.ThrowAsync<NotFoundException>(() =>
            new DeleteContactCommandHandler(_contacts.Object, new InMemoryReadStore(), Mock.Of<IFileStorage>(), Mock.Of<ITransactionOutcome>(), _context, new WritePreconditions())
                .Handle(new DeleteContactCommand(foreign.Id), CancellationToken.None));

        error.Code.ShouldBe("contact_not_found");
    }

    [Test]
    public async Task A_deal_needs_a_contact_of_the_organization()
    {
        var foreignContact = Contact.Create(Guid.NewGuid(), _owner, null, "Elsewhere", null, null, DateTime.UtcNow);

        var error = await Should.ThrowAsync<BusinessRuleException>(() =>
            new CreateDealCommandHandler(_deals.Object, new InMemoryReadStore().With(foreignContact), CustomFieldFakes.Input(new InMemoryReadStore().With(foreignContact)), _context, Mapper, TimeProvider.System, Mock.Of<ITransactionOutcome>())
                .Handle(new CreateDealCommand(foreignContact.Id, "Deal", null, "USD", null, null), CancellationToken.None));

        error.Code.ShouldBe("contact_not_found");
        _deals.Verify(d => d.Add(It.IsAny<Deal>()), Times.Never);
    }

    [Test]
    public async Task A_member_may_not_filter_contacts_by_owner()
    {
        _context.SetOrganization(_organization, MemberRole.Member);

        var error = await Should.ThrowAsync<ForbiddenException>(() =>
            new ListContactsQueryHandler(new InMemoryReadStore(), Mock.Of<IContactSearch>(), _context, Mapper, Mock.Of<IListTotals>(), CustomFieldFakes.Listing())
                .Handle(new ListContactsQuery(OwnerId: Guid.NewGuid()), CancellationToken.None));

        error.Code.ShouldBe("owner_filter_forbidden");
    }

    private Membership Membership() =>
        Organization.Create("Org", "USD", _owner.UserId, DateTime.UtcNow).Memberships.First();
}
