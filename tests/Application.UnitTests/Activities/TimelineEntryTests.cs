using System.Text.Json;
using Crm.Application.Activities.Common;
using Crm.Domain.Activities;
using Crm.Domain.Companies.Events;
using Crm.Domain.Contacts.Events;
using Crm.Domain.Deals.Events;
using Crm.Domain.Tasks;

namespace Crm.Application.UnitTests.Activities;

public sealed class TimelineEntryTests
{
    private static readonly Guid Organization = Guid.NewGuid();
    private static readonly Guid Actor = Guid.NewGuid();

    [Test]
    public void A_contacts_and_a_companys_creation_are_system_entries_on_their_own_timelines()
    {
        var contact = Guid.NewGuid();
        var company = Guid.NewGuid();

        var contactEntry = TimelineEntry.For(new ContactCreated(Organization, contact, Actor)).ShouldNotBeNull();
        var companyEntry = TimelineEntry.For(new CompanyCreated(Organization, company, Actor)).ShouldNotBeNull();

        contactEntry.Links.ShouldBe(new ActivityLinks(null, contact, null));
        contactEntry.Type.ShouldBe(ActivityType.System);
        JsonDocument.Parse(contactEntry.Payload).RootElement.GetProperty("event").GetString().ShouldBe("contact_created");
        companyEntry.Links.ShouldBe(new ActivityLinks(null, null, company));
        JsonDocument.Parse(companyEntry.Payload).RootElement.GetProperty("event").GetString().ShouldBe("company_created");
    }

    [Test]
    public void Updates_of_contacts_and_companies_list_their_changes_as_text()
    {
        var owner = Guid.NewGuid();
        var entry = TimelineEntry.For(new ContactUpdated(Organization, Guid.NewGuid(), Actor, [new FieldChange("owner_id", Actor, owner), new FieldChange("phone", null, "+1 555")]))
            .ShouldNotBeNull();
        var company = TimelineEntry.For(new CompanyUpdated(Organization, Guid.NewGuid(), Actor, [new FieldChange("employee_count", 10, 12)])).ShouldNotBeNull();

        entry.Type.ShouldBe(ActivityType.ContactUpdated);
        var changes = JsonDocument.Parse(entry.Payload).RootElement.GetProperty("changes");
        changes[0].GetProperty("field").GetString().ShouldBe("owner_id");
        changes[0].GetProperty("to").GetString().ShouldBe(owner.ToString());
        changes[1].GetProperty("from").ValueKind.ShouldBe(JsonValueKind.Null);
        company.Type.ShouldBe(ActivityType.CompanyUpdated);
        JsonDocument.Parse(company.Payload).RootElement.GetProperty("changes")[0].GetProperty("to").GetString().ShouldBe("12");
    }

    [Test]
    public void A_task_entry_names_its_task_so_that_a_task_without_a_deal_finds_its_record()
    {
        var task = Guid.NewGuid();

        var entry = TimelineEntry.For(new TaskCreated(Organization, null, task, Actor, "Call")).ShouldNotBeNull();

        entry.TaskId.ShouldBe(task);
        entry.Links.IsEmpty.ShouldBeTrue();
    }
}
