using Crm.Application.Companies.Commands.CreateCompany;
using Crm.Application.Companies.Commands.UpdateCompany;
using Crm.Application.Companies.Queries.ListCompanies;
using Crm.Application.Contacts.Commands.CreateContact;
using Crm.Application.Contacts.Commands.ReplaceContact;
using Crm.Application.Contacts.Commands.UpdateContact;
using Crm.Application.Contacts.Queries.ListContacts;
using Crm.Application.Deals.Commands.CreateDeal;
using Crm.Application.Deals.Commands.UpdateDeal;
using Crm.Application.Deals.Queries.ListDeals;
using Crm.Application.Tags.Queries.ListTags;
using Crm.Domain.Common;
using FluentValidation.Results;

namespace Crm.Application.UnitTests.Tags;

public sealed class TagValidationTests
{
    [Test]
    public void Every_command_that_sets_tags_names_each_refused_tag_by_its_index()
    {
        foreach (var result in Results(["ok", " ", new string('x', 41), "vip"]))
        {
            result.Errors.Select(e => e.PropertyName).ShouldBe(["Tags[1]", "Tags[2]"]);
        }
    }

    [Test]
    public void Every_command_that_sets_tags_refuses_more_than_twenty_distinct_ones_naming_the_list()
    {
        var twenty = Enumerable.Range(1, 20).Select(i => $"t{i}").ToList();

        foreach (var result in Results([.. twenty, .. twenty.Select(t => t.ToUpperInvariant())]))
        {
            result.IsValid.ShouldBeTrue();
        }

        foreach (var result in Results([.. twenty, "t21"]))
        {
            result.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("Tags");
        }
    }

    [Test]
    public void Tags_left_out_or_null_are_accepted()
    {
        foreach (var result in Results(null))
        {
            result.IsValid.ShouldBeTrue();
        }

        new UpdateContactValidator().Validate(new UpdateContactCommand(Guid.NewGuid(), default, default, default, default)).IsValid.ShouldBeTrue();
    }

    [TestCase(20, 40, true)]
    [TestCase(21, 1, false)]
    [TestCase(1, 41, false)]
    public void The_tag_filters_take_a_bounded_number_of_values_no_longer_than_a_tag(int count, int length, bool valid)
    {
        var tags = Enumerable.Repeat(new string('x', length), count).ToList();

        new ListContactsValidator().Validate(new ListContactsQuery(Tag: tags)).IsValid.ShouldBe(valid);
        new ListCompaniesValidator().Validate(new ListCompaniesQuery(Tag: tags)).IsValid.ShouldBe(valid);
        new ListDealsValidator().Validate(new ListDealsQuery(Tag: tags)).IsValid.ShouldBe(valid);
    }

    [Test]
    public void The_tags_list_takes_a_known_record_type_and_the_paging_every_list_takes()
    {
        new ListTagsValidator().Validate(new ListTagsQuery(RecordType: TagRecordType.Deal)).IsValid.ShouldBeTrue();
        new ListTagsValidator().Validate(new ListTagsQuery(RecordType: (TagRecordType)7)).IsValid.ShouldBeFalse();
        new ListTagsValidator().Validate(new ListTagsQuery(PageSize: 101)).IsValid.ShouldBeFalse();
    }

    private static IEnumerable<ValidationResult> Results(List<string>? tags)
    {
        var id = Guid.NewGuid();
        var set = new Optional<IReadOnlyList<string>?>(true, tags);
        yield return new CreateContactValidator().Validate(new CreateContactCommand("Ada", null, null, null, Tags: tags));
        yield return new UpdateContactValidator().Validate(new UpdateContactCommand(id, default, default, default, default, Tags: set));
        yield return new ReplaceContactValidator().Validate(new ReplaceContactCommand(id, "Ada", null, null, Guid.NewGuid(), Tags: tags));
        yield return new CreateCompanyValidator().Validate(new CreateCompanyCommand("Acme", Tags: tags));
        yield return new UpdateCompanyValidator().Validate(new UpdateCompanyCommand(id, Tags: set));
        yield return new CreateDealValidator().Validate(new CreateDealCommand(id, "Deal", null, null, null, null, Tags: tags));
        yield return new UpdateDealValidator().Validate(new UpdateDealCommand(id, default, default, default, default, default, default, default, Tags: set));
    }
}
