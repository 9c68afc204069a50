using Crm.Domain.Companies;
using Crm.Domain.Companies.Events;
using Crm.Domain.Contacts;
using Crm.Domain.Contacts.Events;
using Crm.Domain.Deals;
using Crm.Domain.Deals.Events;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;
using Crm.Domain.Records;
using static Crm.Domain.UnitTests.RuleAssert;

namespace Crm.Domain.UnitTests.Records;

public sealed class RecordTagsTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Owner = new(Guid.NewGuid(), MemberRole.Owner);

    [Test]
    public void Tags_are_trimmed_kept_in_the_order_given_and_duplicates_in_another_case_collapse_to_the_first_spelling()
    {
        RecordTags.Normalize([" VIP ", "Hot lead", "vip", "HOT LEAD", "Été", "été"]).ShouldBe(["VIP", "Hot lead", "Été"]);
        RecordTags.Normalize(null).ShouldBeEmpty();
        RecordTags.Key(" VIP ").ShouldBe("vip");
        RecordTags.Key("ÉTÉ").ShouldBe(RecordTags.Key("été"));
    }

    [Test]
    public void A_tag_is_one_to_forty_visible_characters_on_one_line()
    {
        RecordTags.Refusal("vip").ShouldBeNull();
        RecordTags.Refusal($"  {new string('x', 40)}  ").ShouldBeNull();
        RecordTags.Refusal("Hot lead, EMEA").ShouldBeNull();
        RecordTags.Refusal(null).ShouldNotBeNull();
        RecordTags.Refusal(" ").ShouldNotBeNull();
        RecordTags.Refusal(new string('x', 41)).ShouldNotBeNull();
        RecordTags.Refusal("a\u0000b").ShouldNotBeNull();
        RecordTags.Refusal("a\tb").ShouldNotBeNull();
        RecordTags.Refusal("a\u0085b").ShouldNotBeNull();
        RecordTags.Refusal("a\u2028b").ShouldNotBeNull();
        RecordTags.Refusal("invoice\u202Efdp").ShouldNotBeNull();
    }

    [Test]
    public void At_most_twenty_tags_counting_a_tag_in_another_case_once()
    {
        var twenty = Enumerable.Range(1, 20).Select(i => $"t{i}").ToList();

        RecordTags.AreValid(twenty).ShouldBeTrue();
        RecordTags.AreValid([.. twenty, .. twenty.Select(t => t.ToUpperInvariant())]).ShouldBeTrue();
        RecordTags.AreValid([.. twenty, "t21"]).ShouldBeFalse();
        RecordTags.AreValid(["ok", " "]).ShouldBeFalse();
        RecordTags.AreValid(null).ShouldBeTrue();
    }

    [Test]
    public void A_filter_compares_keys_distinct_and_sorted_ignoring_blank_values()
    {
        RecordTags.FilterKeys(["VIP", " vip ", "Partner", "", " "]).ShouldBe(["partner", "vip"]);
        RecordTags.FilterKeys(null).ShouldBeEmpty();
    }

    [Test]
    public void The_same_tags_again_would_keep_the_record_but_another_spelling_or_order_would_not()
    {
        string[] stored = ["VIP", "partner"];

        RecordTags.WouldKeep([" VIP", "partner", "vip"], stored).ShouldBeTrue();
        RecordTags.WouldKeep(["vip", "partner"], stored).ShouldBeFalse();
        RecordTags.WouldKeep(["partner", "VIP"], stored).ShouldBeFalse();
        RecordTags.WouldKeep(["VIP", "partner", new string('x', 41)], stored).ShouldBeFalse();
    }

    [Test]
    public void Each_record_type_stores_its_tags_and_their_keys_and_refuses_invalid_ones_with_validation_failed()
    {
        var contact = Contact.Create(Guid.NewGuid(), Owner, null, "Ada", null, null, Now, tags: ["VIP", "vip", " Partner "]);
        var company = Company.Create(Guid.NewGuid(), Owner, null, new CompanyDetails("Acme"), Now, ["VIP"]);
        var deal = Deal.Open(Guid.NewGuid(), Owner, Guid.NewGuid(), "Deal", 0m, "EUR", DealStage.Qualification, null, Now, tags: ["Q4"]);

        contact.Tags.ShouldBe(["VIP", "Partner"]);
        contact.TagKeys.ShouldBe(["vip", "partner"]);
        company.TagKeys.ShouldBe(["vip"]);
        deal.Tags.ShouldBe(["Q4"]);
        Contact.Create(Guid.NewGuid(), Owner, null, "Ada", null, null, Now).Tags.ShouldBeEmpty();
        AssertBrokenRule(
            () => Contact.Create(Guid.NewGuid(), Owner, null, "Ada", null, null, Now, tags: [new string('x', 41)]), "validation_failed", ErrorKind.Invalid);
        AssertBrokenRule(
            () => Company.Create(Guid.NewGuid(), Owner, null, new CompanyDetails("Acme"), Now, [.. Enumerable.Range(0, 21).Select(i => $"t{i}")]),
            "validation_failed",
            ErrorKind.Invalid);
    }

    [Test]
    public void A_tag_change_is_recorded_with_the_lists_before_and_after_and_the_same_tags_again_change_nothing()
    {
        var contact = Contact.Create(Guid.NewGuid(), Owner, null, "Ada", null, null, Now, tags: ["vip"]);
        contact.ClearDomainEvents();

        contact.Update(Owner, new ContactChanges(Tags: new(true, ["vip", "Partner"])), Now);
        var change = contact.DomainEvents.OfType<ContactUpdated>().ShouldHaveSingleItem().Changes.ShouldHaveSingleItem();
        change.Field.ShouldBe("tags");
        change.From.ShouldBe(new[] { "vip" });
        change.To.ShouldBe(new[] { "vip", "Partner" });
        contact.ClearDomainEvents();

        contact.Update(Owner, new ContactChanges(Tags: new(true, [" vip", "Partner"])), Now);
        contact.DomainEvents.ShouldBeEmpty();
        contact.Update(Owner, new ContactChanges(Tags: new(true, null)), Now);
        contact.Tags.ShouldBeEmpty();
        contact.TagKeys.ShouldBeEmpty();

        var company = Company.Create(Guid.NewGuid(), Owner, null, new CompanyDetails("Acme"), Now, ["smb"]);
        company.ClearDomainEvents();
        company.Update(Owner, new CompanyChanges(Tags: new(true, ["SMB"])), Now);
        company.DomainEvents.OfType<CompanyUpdated>().ShouldHaveSingleItem().Changes.ShouldHaveSingleItem().Field.ShouldBe("tags");
        company.Tags.ShouldBe(["SMB"]);
        company.TagKeys.ShouldBe(["smb"]);
    }

    [Test]
    public void A_deal_whose_tags_are_refused_is_left_untouched_with_its_other_changes()
    {
        var deal = Deal.Open(Guid.NewGuid(), Owner, Guid.NewGuid(), "Deal", 0m, "EUR", DealStage.Qualification, null, Now, tags: ["q4"]);
        deal.ClearDomainEvents();

        AssertBrokenRule(() => deal.Change(Owner, new DealChanges(Title: "Renewal", Tags: new(true, ["ok", "\u0007"])), Now), "validation_failed", ErrorKind.Invalid);
        deal.Title.ShouldBe("Deal");
        deal.Tags.ShouldBe(["q4"]);

        deal.Change(Owner, new DealChanges(Title: "Renewal", Tags: new(true, ["Q4", "renewal"])), Now);
        var changes = deal.DomainEvents.OfType<DealUpdated>().ShouldHaveSingleItem().Changes;
        changes.Select(c => c.Field).ShouldBe(["title", "tags"]);
        deal.Tags.ShouldBe(["Q4", "renewal"]);
        deal.TagKeys.ShouldBe(["q4", "renewal"]);
    }

    [Test]
    public void A_contact_or_company_whose_tags_are_refused_is_left_untouched_with_its_other_changes()
    {
        var contact = Contact.Create(Guid.NewGuid(), Owner, null, "Ada", null, null, Now, tags: ["vip"]);
        var company = Company.Create(Guid.NewGuid(), Owner, null, new CompanyDetails("Acme"), Now, ["smb"]);
        contact.ClearDomainEvents();
        company.ClearDomainEvents();

        AssertBrokenRule(
            () => contact.Update(Owner, new ContactChanges(Name: "Ada King", Tags: new(true, [" "])), Now), "validation_failed", ErrorKind.Invalid);
        AssertBrokenRule(
            () => company.Update(Owner, new CompanyChanges(Name: "Acme SA", Tags: new(true, [new string('x', 41)])), Now),
            "validation_failed",
            ErrorKind.Invalid);

        contact.Name.ShouldBe("Ada");
        contact.Tags.ShouldBe(["vip"]);
        contact.DomainEvents.ShouldBeEmpty();
        company.Name.ShouldBe("Acme");
        company.Tags.ShouldBe(["smb"]);
    }
}
