using Crm.Domain.Deals;
using Crm.Domain.Deals.Events;
using Crm.Domain.Organizations;

namespace Crm.Domain.UnitTests.Deals;

public sealed class DealExternalIdTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Admin = new(Guid.NewGuid(), MemberRole.Admin);

    [Test]
    public void Changing_a_deals_external_id_is_an_update_with_its_field_change()
    {
        var deal = Deal.Open(Guid.NewGuid(), Admin, Guid.NewGuid(), "Deal", 0m, "USD", DealStage.Qualification, null, Now, "sf-1");
        deal.ExternalId.ShouldBe("sf-1");
        deal.ClearDomainEvents();

        deal.Change(Admin, new DealChanges(ExternalId: "sf-2"), Now.AddHours(1));

        deal.ExternalId.ShouldBe("sf-2");
        deal.UpdatedAt.ShouldBe(Now.AddHours(1));
        var change = deal.DomainEvents.OfType<DealUpdated>().ShouldHaveSingleItem().Changes.ShouldHaveSingleItem();
        change.Field.ShouldBe("external_id");
        change.From.ShouldBe("sf-1");
        change.To.ShouldBe("sf-2");
    }

    [Test]
    public void Sending_the_same_external_id_again_changes_nothing()
    {
        var deal = Deal.Open(Guid.NewGuid(), Admin, Guid.NewGuid(), "Deal", 0m, "USD", DealStage.Qualification, null, Now, "sf-1");
        deal.ClearDomainEvents();

        deal.Change(Admin, new DealChanges(ExternalId: "sf-1"), Now.AddHours(1));

        deal.DomainEvents.ShouldBeEmpty();
        deal.UpdatedAt.ShouldBe(Now);
    }
}
