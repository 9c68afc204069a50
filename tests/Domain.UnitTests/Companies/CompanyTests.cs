using Crm.Domain.Companies;
using Crm.Domain.Companies.Events;
using Crm.Domain.Contacts;
using Crm.Domain.Contacts.Events;
using Crm.Domain.Deals;
using Crm.Domain.Deals.Events;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;
using static Crm.Domain.UnitTests.RuleAssert;

namespace Crm.Domain.UnitTests.Companies;

public sealed class CompanyTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    [Test]
    public void A_company_belongs_to_its_creator_unless_a_manager_names_another_owner()
    {
        var member = new Actor(Guid.NewGuid(), MemberRole.Member);
        var manager = new Actor(Guid.NewGuid(), MemberRole.Manager);
        var other = Guid.NewGuid();

        var company = Company.Create(Guid.NewGuid(), member, null, new CompanyDetails(" Acme ", "https://www.Acme.com/about"), Now);

        company.ShouldSatisfyAllConditions(
            c => c.OwnerId.ShouldBe(member.UserId),
            c => c.Name.ShouldBe("Acme"),
            c => c.Domain.ShouldBe("acme.com"),
            c => c.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<CompanyCreated>());
        Company.Create(Guid.NewGuid(), manager, other, new CompanyDetails("Acme"), Now).OwnerId.ShouldBe(other);
        AssertBrokenRule(
            () => Company.Create(Guid.NewGuid(), member, other, new CompanyDetails("Acme"), Now), "owner_assignment_forbidden", ErrorKind.Forbidden);
    }

    [Test]
    public void A_member_cannot_change_or_delete_someone_elses_company_but_a_manager_can()
    {
        var owner = new Actor(Guid.NewGuid(), MemberRole.Member);
        var member = new Actor(Guid.NewGuid(), MemberRole.Member);
        var manager = new Actor(Guid.NewGuid(), MemberRole.Manager);
        var company = Company.Create(Guid.NewGuid(), owner, null, new CompanyDetails("Acme"), Now);

        AssertBrokenRule(() => company.Update(member, new CompanyChanges(Name: "Evil"), Now), "not_record_owner", ErrorKind.Forbidden);
        AssertBrokenRule(() => company.Delete(member, 0, false), "not_record_owner", ErrorKind.Forbidden);
        AssertBrokenRule(() => company.Update(owner, new CompanyChanges(OwnerId: member.UserId), Now), "owner_assignment_forbidden", ErrorKind.Forbidden);
        company.Name.ShouldBe("Acme");

        company.Update(manager, new CompanyChanges(Name: "Acme Corp", OwnerId: member.UserId), Now);
        company.Name.ShouldBe("Acme Corp");
        company.OwnerId.ShouldBe(member.UserId);
    }

    [Test]
    public void An_update_changes_only_the_given_fields_reports_each_change_and_replaces_the_address_whole()
    {
        var actor = new Actor(Guid.NewGuid(), MemberRole.Owner);
        var company = Company.Create(
            Guid.NewGuid(), actor, null,
            new CompanyDetails("Acme", "acme.com", "Tools", 10, "https://acme.com", null, new CompanyAddress("1 Road", null, "Paris", null, null, "fr")),
            Now);
        company.Address!.Country.ShouldBe("FR");
        company.ClearDomainEvents();

        company.Update(
            actor,
            new CompanyChanges(EmployeeCount: 12, Industry: (string?)null, Address: new CompanyAddress(null, null, "Lyon", null, null, "FR")),
            Now.AddHours(1));

        company.ShouldSatisfyAllConditions(
            c => c.Name.ShouldBe("Acme"),
            c => c.Domain.ShouldBe("acme.com"),
            c => c.Industry.ShouldBeNull(),
            c => c.EmployeeCount.ShouldBe(12),
            c => c.Address.ShouldBe(new CompanyAddress(null, null, "Lyon", null, null, "FR")),
            c => c.UpdatedAt.ShouldBe(Now.AddHours(1)));
        company.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<CompanyUpdated>().Changes.Select(c => c.Field)
            .ShouldBe(["industry", "employee_count", "address"]);
    }

    [Test]
    public void An_update_that_changes_nothing_announces_nothing_and_keeps_updated_at()
    {
        var actor = new Actor(Guid.NewGuid(), MemberRole.Owner);
        var company = Company.Create(Guid.NewGuid(), actor, null, new CompanyDetails("Acme", "acme.com"), Now);
        company.ClearDomainEvents();

        company.Update(actor, new CompanyChanges(Name: "Acme", Domain: "https://ACME.com/"), Now.AddHours(1));

        company.DomainEvents.ShouldBeEmpty();
        company.UpdatedAt.ShouldBe(Now);
    }

    [Test]
    public void An_address_with_nothing_in_it_is_no_address()
    {
        var actor = new Actor(Guid.NewGuid(), MemberRole.Owner);

        var company = Company.Create(
            Guid.NewGuid(), actor, null, new CompanyDetails("Acme", Address: new CompanyAddress(" ", null, "", null, null, null)), Now);

        company.Address.ShouldBeNull();
    }

    [TestCase("not a domain")]
    [TestCase("localhost")]
    [TestCase("10.0.0.1")]
    [TestCase("-acme.com")]
    [TestCase("acme-.com")]
    [TestCase("bücher.de")]
    [TestCase("https://")]
    public void A_domain_that_is_not_a_public_host_name_is_refused(string domain)
    {
        var actor = new Actor(Guid.NewGuid(), MemberRole.Owner);

        AssertBrokenRule(
            () => Company.Create(Guid.NewGuid(), actor, null, new CompanyDetails("Acme", domain), Now), "invalid_company_domain", ErrorKind.Invalid);
        var company = Company.Create(Guid.NewGuid(), actor, null, new CompanyDetails("Acme", "acme.com"), Now);
        AssertBrokenRule(() => company.Update(actor, new CompanyChanges(Domain: domain), Now), "invalid_company_domain", ErrorKind.Invalid);
        company.Domain.ShouldBe("acme.com");
    }

    [Test]
    public void A_company_with_contacts_or_deals_is_deleted_only_when_they_are_detached_with_it()
    {
        var actor = new Actor(Guid.NewGuid(), MemberRole.Owner);
        var company = Company.Create(Guid.NewGuid(), actor, null, new CompanyDetails("Acme"), Now);
        company.ClearDomainEvents();

        AssertBrokenRule(() => company.Delete(actor, 3, false), "company_has_records", ErrorKind.Conflict);
        company.DomainEvents.ShouldBeEmpty();
        company.Delete(actor, 3, true);
        company.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<CompanyDeleted>();
        Company.Create(Guid.NewGuid(), actor, null, new CompanyDetails("Empty"), Now).Delete(actor, 0, false);
    }

    [Test]
    public void Detaching_a_contact_or_a_deal_clears_its_company_and_reports_the_change_once()
    {
        var owner = new Actor(Guid.NewGuid(), MemberRole.Member);
        var companyId = Guid.NewGuid();
        var contact = Contact.Create(Guid.NewGuid(), owner, null, "Ada", null, null, Now, companyId: companyId);
        var deal = Deal.Open(Guid.NewGuid(), owner, contact.Id, "Deal", 10m, "EUR", DealStage.Qualification, null, Now, companyId: companyId);
        contact.ClearDomainEvents();
        deal.ClearDomainEvents();
        var deleter = Guid.NewGuid();

        contact.DetachFromCompany(deleter, Now.AddHours(1));
        deal.DetachFromCompany(deleter, Now.AddHours(1));
        contact.DetachFromCompany(deleter, Now.AddHours(2));

        contact.CompanyId.ShouldBeNull();
        deal.CompanyId.ShouldBeNull();
        contact.UpdatedAt.ShouldBe(Now.AddHours(1));
        var change = contact.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<ContactUpdated>().Changes.ShouldHaveSingleItem();
        (change.Field, change.From, change.To).ShouldBe(("company_id", (object?)companyId, (object?)null));
        deal.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<DealUpdated>().ActorId.ShouldBe(deleter);
    }

    [Test]
    public void A_contacts_and_a_deals_company_changes_only_when_set_and_is_reported()
    {
        var actor = new Actor(Guid.NewGuid(), MemberRole.Owner);
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var contact = Contact.Create(Guid.NewGuid(), actor, null, "Ada", null, null, Now, companyId: first);
        contact.ClearDomainEvents();

        contact.Update(actor, new ContactChanges(Name: "Ada L."), Now);
        contact.CompanyId.ShouldBe(first);
        contact.Update(actor, new ContactChanges(CompanyId: second), Now);
        contact.CompanyId.ShouldBe(second);
        contact.DomainEvents.OfType<ContactUpdated>().Last().Changes.ShouldHaveSingleItem().Field.ShouldBe("company_id");

        var deal = Deal.Open(Guid.NewGuid(), actor, contact.Id, "Deal", 10m, "EUR", DealStage.Qualification, null, Now, companyId: first);
        deal.Change(actor, new DealChanges(CompanyId: (Guid?)null), Now);
        deal.CompanyId.ShouldBeNull();
    }
}
