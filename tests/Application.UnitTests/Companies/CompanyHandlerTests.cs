using Ardalis.Specification;
using AutoMapper;
using Crm.Application.Common.Concurrency;
using Crm.Application.Common.Exceptions;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Mapping;
using Crm.Application.Common.Security;
using Crm.Application.Common.Transactions;
using Crm.Application.Companies.Commands.CreateCompany;
using Crm.Application.Companies.Commands.DeleteCompany;
using Crm.Application.Companies.Common;
using Crm.Application.Companies.Queries.GetCompany;
using Crm.Application.Contacts.Commands.CreateContact;
using Crm.Application.Deals.Commands.CreateDeal;
using Crm.Application.UnitTests.CustomFields;
using Crm.Application.UnitTests.Suppressions;
using Crm.Domain.Common;
using Crm.Domain.Companies;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Organizations;
using Moq;

namespace Crm.Application.UnitTests.Companies;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class CompanyHandlerTests
{
    private static readonly IMapper Mapper = MappingProfile.CreateMapper();
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private readonly Guid _organization = Guid.NewGuid();
    private readonly Actor _owner = new(Guid.NewGuid(), MemberRole.Owner);
    private readonly RequestContext _context = new();
    private readonly Mock<IRepository<Company>> _companies = new();
    private readonly Mock<IRepository<Contact>> _contacts = new();
    private readonly Mock<IRepository<Deal>> _deals = new();

    [SetUp]
    public void ActAsOwner()
    {
        _context.SetUser(_owner.UserId, Guid.NewGuid());
        _context.SetOrganization(_organization, MemberRole.Owner);
    }

    [Test]
    public async Task A_company_referred_to_must_be_one_of_the_organization()
    {
        var foreign = Company.Create(Guid.NewGuid(), _owner, null, new CompanyDetails("Theirs"), Now);
        var store = new InMemoryReadStore().With(foreign);

        var error = await Should.ThrowAsync<InvalidInputException>(() =>
            new CreateContactCommandHandler(_contacts.Object, store, CustomFieldFakes.Input(store), SuppressionFakes.Of(), _context, Mapper, TimeProvider.System, Mock.Of<ITransactionOutcome>())
                .Handle(new CreateContactCommand("Ada", null, null, null, CompanyId: foreign.Id), CancellationToken.None));

        error.Code.ShouldBe("company_not_found");
        _contacts.Verify(c => c.Add(It.IsAny<Contact>()), Times.Never);
    }

    [Test]
    public async Task A_deal_takes_its_contacts_company_unless_it_names_another()
    {
        var acme = Company.Create(_organization, _owner, null, new CompanyDetails("Acme"), Now);
        var globex = Company.Create(_organization, _owner, null, new CompanyDetails("Globex"), Now);
        var contact = Contact.Create(_organization, _owner, null, "Ada", null, null, Now, companyId: acme.Id);
        var store = new InMemoryReadStore().With(acme, globex).With(contact);
        var handler = new CreateDealCommandHandler(_deals.Object, store, CustomFieldFakes.Input(store), _context, Mapper, TimeProvider.System, Mock.Of<ITransactionOutcome>());

        var inherited = await handler.Handle(new CreateDealCommand(contact.Id, "Deal", 1m, "EUR", null, null), CancellationToken.None);
        var named = await handler.Handle(new CreateDealCommand(contact.Id, "Deal", 1m, "EUR", null, null, CompanyId: globex.Id), CancellationToken.None);

        inherited.CompanyId.ShouldBe(acme.Id);
        named.CompanyId.ShouldBe(globex.Id);
    }

    [Test]
    public async Task Deleting_with_detach_clears_the_company_of_its_contacts_and_deals_and_removes_it()
    {
        var company = Company.Create(_organization, _owner, null, new CompanyDetails("Acme"), Now);
        var contact = Contact.Create(_organization, _owner, null, "Ada", null, null, Now, companyId: company.Id);
        var deal = Deal.Open(_organization, _owner, contact.Id, "Deal", 1m, "EUR", DealStage.Qualification, null, Now, companyId: company.Id);
        var store = new InMemoryReadStore().With(contact).With(deal);
        _companies.Setup(c => c.FindAsync(company.Id, It.IsAny<CancellationToken>())).ReturnsAsync(company);
        _contacts.Setup(c => c.ListAsync(It.IsAny<ISpecification<Contact>>(), It.IsAny<CancellationToken>())).ReturnsAsync([contact]);
        _deals.Setup(c => c.ListAsync(It.IsAny<ISpecification<Deal>>(), It.IsAny<CancellationToken>())).ReturnsAsync([deal]);

        var refused = await Should.ThrowAsync<BusinessRuleException>(() => Delete(store, new DeleteCompanyCommand(company.Id)));
        refused.Code.ShouldBe("company_has_records");
        _companies.Verify(c => c.Remove(It.IsAny<Company>()), Times.Never);
        contact.CompanyId.ShouldBe(company.Id);

        await Delete(store, new DeleteCompanyCommand(company.Id, Detach: true));

        contact.CompanyId.ShouldBeNull();
        deal.CompanyId.ShouldBeNull();
        _companies.Verify(c => c.Remove(company), Times.Once);
    }

    [Test]
    public async Task Deleting_more_linked_records_than_one_request_detaches_is_refused_before_anything_changes()
    {
        var company = Company.Create(_organization, _owner, null, new CompanyDetails("Acme"), Now);
        var contacts = Enumerable.Range(0, CompanyLimits.DetachMax + 1)
            .Select(i => Contact.Create(_organization, _owner, null, $"C{i}", null, null, Now, companyId: company.Id)).ToArray();
        _companies.Setup(c => c.FindAsync(company.Id, It.IsAny<CancellationToken>())).ReturnsAsync(company);

        var error = await Should.ThrowAsync<ConflictException>(() =>
            Delete(new InMemoryReadStore().With(contacts), new DeleteCompanyCommand(company.Id, Detach: true)));

        error.Code.ShouldBe("company_has_records");
        _contacts.Verify(c => c.ListAsync(It.IsAny<ISpecification<Contact>>(), It.IsAny<CancellationToken>()), Times.Never);
        _companies.Verify(c => c.Remove(It.IsAny<Company>()), Times.Never);
    }

    [Test]
    public async Task A_company_read_counts_only_its_own_contacts_open_deals_and_won_amounts()
    {
        var company = Company.Create(_organization, _owner, null, new CompanyDetails("Acme"), Now);
        var other = Company.Create(_organization, _owner, null, new CompanyDetails("Other"), Now);
        var contact = Contact.Create(_organization, _owner, null, "Ada", null, null, Now, companyId: company.Id);
        var elsewhere = Contact.Create(_organization, _owner, null, "Eve", null, null, Now, companyId: other.Id);
        var open = Deal.Open(_organization, _owner, contact.Id, "Open", 5m, "EUR", DealStage.Qualification, null, Now, companyId: company.Id);
        var won = Deal.Open(_organization, _owner, contact.Id, "Won", 12.5m, "EUR", DealStage.Qualification, null, Now, companyId: company.Id);
        won.Change(_owner, new DealChanges(Status: DealStatus.Won), Now);
        var wonElsewhere = Deal.Open(_organization, _owner, elsewhere.Id, "Won", 99m, "EUR", DealStage.Qualification, null, Now, companyId: other.Id);
        wonElsewhere.Change(_owner, new DealChanges(Status: DealStatus.Won), Now);
        var store = new InMemoryReadStore().With(company, other).With(contact, elsewhere).With(open, won, wonElsewhere);

        var read = await new GetCompanyQueryHandler(store, _context, Mapper).Handle(new GetCompanyQuery(company.Id), CancellationToken.None);

        read.ContactCount.ShouldBe(1);
        read.OpenDealCount.ShouldBe(1);
        read.WonAmounts.Select(a => (a.Currency, a.Amount)).ShouldBe([("EUR", 12.5m)]);
    }

    private Task<CompanyDto> Create(IReadStore store, CreateCompanyCommand command) =>
        new CreateCompanyCommandHandler(_companies.Object, store, CustomFieldFakes.Input(store), _context, Mapper, TimeProvider.System, Mock.Of<ITransactionOutcome>())
            .Handle(command, CancellationToken.None);

    private Task Delete(IReadStore store, DeleteCompanyCommand command) =>
        new DeleteCompanyCommandHandler(
                _companies.Object, _contacts.Object, _deals.Object, store, _context, TimeProvider.System, new WritePreconditions())
            .Handle(command, CancellationToken.None);
}
