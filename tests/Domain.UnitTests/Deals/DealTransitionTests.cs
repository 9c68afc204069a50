using Crm.Domain.Deals;
using Crm.Domain.Deals.Events;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;
using static Crm.Domain.UnitTests.RuleAssert;

namespace Crm.Domain.UnitTests.Deals;

public sealed class DealTransitionTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Organization = Guid.NewGuid();
    private static readonly Actor Admin = new(Guid.NewGuid(), MemberRole.Admin);

    private static readonly DealStatus[] Statuses = Enum.GetValues<DealStatus>();
    private static readonly DealStage[] Stages = Enum.GetValues<DealStage>();
    private static readonly DealStage[] OpenStages = [DealStage.Qualification, DealStage.Proposal, DealStage.Negotiation];
    private static readonly MemberRole[] Roles = Enum.GetValues<MemberRole>();

    /// <summary>Every status to every other status, for every role (the actor owns the deal; its amount is positive).</summary>
    [Test]
    public void Status_changes_follow_the_transition_table_for_every_pair_and_role(
        [ValueSource(nameof(Statuses))] DealStatus from,
        [ValueSource(nameof(Statuses))] DealStatus to,
        [ValueSource(nameof(Roles))] MemberRole role)
    {
        if (from == to)
        {
            return;
        }

        var actor = new Actor(Guid.NewGuid(), role);
        var deal = DealIn(from, actor.UserId);
        var allowed = (from, to, role) switch
        {
            (DealStatus.New, DealStatus.InProgress or DealStatus.Won or DealStatus.Lost, _) => true,
            (DealStatus.InProgress, DealStatus.Won or DealStatus.Lost, _) => true,
            (DealStatus.Won or DealStatus.Lost, DealStatus.InProgress, MemberRole.Owner or MemberRole.Admin) => true,
            _ => false,
        };

        var change = () => deal.Change(actor, new DealChanges(Status: to), Now.AddHours(1));

        if (allowed)
        {
            change();
            deal.Status.ShouldBe(to);
            deal.Stage.ShouldBe(to.IsFinal() ? DealStage.Closed : from.IsFinal() ? DealStage.Negotiation : DealStage.Proposal);
        }
        else
        {
            AssertBrokenRule(change, "invalid_status_transition", ErrorKind.Invalid);
            deal.Status.ShouldBe(from);
        }
    }

    /// <summary>Every open stage to every stage, for every role, on an open deal the actor owns.</summary>
    [Test]
    public void Stage_changes_go_forward_freely_and_back_only_for_owner_and_admin(
        [ValueSource(nameof(OpenStages))] DealStage from,
        [ValueSource(nameof(Stages))] DealStage to,
        [ValueSource(nameof(Roles))] MemberRole role)
    {
        var actor = new Actor(Guid.NewGuid(), role);
        var deal = Deal.Open(Organization, actor, Guid.NewGuid(), "Deal", 100m, "USD", from, null, Now);

        var change = () => deal.Change(actor, new DealChanges(Stage: to), Now.AddHours(1));

        if (to == DealStage.Closed)
        {
            AssertBrokenRule(change, "deal_outcome_required", ErrorKind.Invalid);
            deal.Stage.ShouldBe(from);
        }
        else if (to < from && !role.IsAdministrator())
        {
            AssertBrokenRule(change, "stage_rollback_forbidden", ErrorKind.Forbidden);
            deal.Stage.ShouldBe(from);
        }
        else
        {
            change();
            deal.Stage.ShouldBe(to);
            deal.Status.ShouldBe(DealStatus.New);
        }
    }

    [TestCase(DealStatus.Won, DealStage.Negotiation)]
    [TestCase(DealStatus.Lost, DealStage.Qualification)]
    public void A_won_or_lost_deal_keeps_the_closed_stage_until_reopened(DealStatus status, DealStage stage)
    {
        var deal = DealIn(status, Admin.UserId);

        AssertBrokenRule(() => deal.Change(Admin, new DealChanges(Stage: stage), Now), "invalid_stage_transition", ErrorKind.Invalid);
        deal.Stage.ShouldBe(DealStage.Closed);
    }

    [Test]
    public void Reopening_goes_back_to_negotiation_unless_the_change_names_a_stage()
    {
        var reopened = DealIn(DealStatus.Won, Admin.UserId);
        var named = DealIn(DealStatus.Lost, Admin.UserId);

        reopened.Change(Admin, new DealChanges(Status: DealStatus.InProgress), Now);
        named.Change(Admin, new DealChanges(Status: DealStatus.InProgress, Stage: DealStage.Proposal), Now);

        reopened.Stage.ShouldBe(DealStage.Negotiation);
        named.Stage.ShouldBe(DealStage.Proposal);
    }

    [Test]
    public void Winning_needs_a_positive_amount_after_the_changes_own_amount()
    {
        var deal = Deal.Open(Organization, Admin, Guid.NewGuid(), "Deal", 0m, "USD", DealStage.Qualification, null, Now);

        AssertBrokenRule(() => deal.Change(Admin, new DealChanges(Status: DealStatus.Won), Now), "deal_amount_required", ErrorKind.Invalid);
        deal.Status.ShouldBe(DealStatus.New);

        deal.Change(Admin, new DealChanges(Status: DealStatus.Won, Amount: 250m), Now);
        deal.Status.ShouldBe(DealStatus.Won);
        AssertBrokenRule(() => deal.Change(Admin, new DealChanges(Amount: 0m), Now), "deal_amount_required", ErrorKind.Invalid);
        deal.Amount.ShouldBe(250m);
    }

    [Test]
    public void Losing_needs_no_amount()
    {
        var deal = Deal.Open(Organization, Admin, Guid.NewGuid(), "Deal", 0m, "USD", DealStage.Proposal, null, Now);

        deal.Change(Admin, new DealChanges(Status: DealStatus.Lost), Now);

        deal.Stage.ShouldBe(DealStage.Closed);
    }

    [Test]
    public void A_deal_cannot_be_opened_in_the_closed_stage() =>
        AssertBrokenRule(
            () => Deal.Open(Organization, Admin, Guid.NewGuid(), "Deal", 1m, "USD", DealStage.Closed, null, Now),
            "deal_outcome_required",
            ErrorKind.Invalid);

    [TestCase(-1)]
    [TestCase(10.123)]
    public void Amounts_are_never_negative_nor_finer_than_cents(decimal amount) =>
        AssertBrokenRule(
            () => Deal.Open(Organization, Admin, Guid.NewGuid(), "Deal", amount, "USD", DealStage.Qualification, null, Now),
            "invalid_amount",
            ErrorKind.Invalid);

    [Test]
    public void A_refused_change_leaves_the_deal_untouched_and_raises_nothing()
    {
        var deal = Deal.Open(Organization, Admin, Guid.NewGuid(), "Deal", 0m, "USD", DealStage.Qualification, null, Now);
        deal.ClearDomainEvents();

        AssertBrokenRule(
            () => deal.Change(Admin, new DealChanges(Title: "Renamed", Currency: "EUR", Status: DealStatus.Won), Now.AddHours(1)),
            "deal_amount_required",
            ErrorKind.Invalid);

        deal.Title.ShouldBe("Deal");
        deal.Currency.ShouldBe("USD");
        deal.Status.ShouldBe(DealStatus.New);
        deal.Stage.ShouldBe(DealStage.Qualification);
        deal.UpdatedAt.ShouldBe(Now);
        deal.DomainEvents.ShouldBeEmpty();
    }

    [Test]
    public void A_change_raises_one_event_for_the_status_one_for_the_stage_and_one_for_the_other_fields()
    {
        var contact = Guid.NewGuid();
        var deal = Deal.Open(Organization, Admin, Guid.NewGuid(), "Deal", 10m, "USD", DealStage.Proposal, null, Now);
        deal.ClearDomainEvents();

        deal.Change(Admin, new DealChanges(Title: "Won deal", Amount: 20m, Status: DealStatus.Won, ContactId: contact), Now.AddHours(1));

        deal.DomainEvents.OfType<DealStatusChanged>().ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.From.ShouldBe(DealStatus.New), e => e.To.ShouldBe(DealStatus.Won), e => e.ActorId.ShouldBe(Admin.UserId));
        deal.DomainEvents.OfType<DealStageChanged>().ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.From.ShouldBe(DealStage.Proposal), e => e.To.ShouldBe(DealStage.Closed));
        deal.DomainEvents.OfType<DealUpdated>().ShouldHaveSingleItem().Changes.Select(c => c.Field)
            .ShouldBe(["title", "amount", "contact_id"]);
        deal.UpdatedAt.ShouldBe(Now.AddHours(1));
    }

    [Test]
    public void Setting_fields_to_the_values_they_have_changes_nothing()
    {
        var deal = Deal.Open(Organization, Admin, Guid.NewGuid(), "Deal", 10m, "USD", DealStage.Proposal, null, Now);
        deal.ClearDomainEvents();

        deal.Change(Admin, new DealChanges(Title: "Deal", Status: DealStatus.New, Stage: DealStage.Proposal), Now.AddHours(1));

        deal.DomainEvents.ShouldBeEmpty();
        deal.UpdatedAt.ShouldBe(Now);
    }

    [Test]
    public void A_member_changes_only_its_own_deals_and_cannot_give_them_away()
    {
        var member = new Actor(Guid.NewGuid(), MemberRole.Member);
        var others = Deal.Open(Organization, Admin, Guid.NewGuid(), "Theirs", 10m, "USD", DealStage.Qualification, null, Now);
        var own = Deal.Open(Organization, member, Guid.NewGuid(), "Mine", 10m, "USD", DealStage.Qualification, null, Now);

        AssertBrokenRule(() => others.Change(member, new DealChanges(Title: "Mine now"), Now), "not_record_owner", ErrorKind.Forbidden);
        AssertBrokenRule(() => others.Delete(member), "not_record_owner", ErrorKind.Forbidden);
        AssertBrokenRule(() => own.Change(member, new DealChanges(OwnerId: Guid.NewGuid()), Now), "owner_assignment_forbidden", ErrorKind.Forbidden);
        own.Change(member, new DealChanges(Stage: DealStage.Proposal), Now);
        own.Stage.ShouldBe(DealStage.Proposal);
    }

    [TestCase(MemberRole.Manager)]
    [TestCase(MemberRole.Admin)]
    public void Managers_and_above_change_anyones_deals_and_reassign_them(MemberRole role)
    {
        var actor = new Actor(Guid.NewGuid(), role);
        var newOwner = Guid.NewGuid();
        var deal = Deal.Open(Organization, Admin, Guid.NewGuid(), "Deal", 10m, "USD", DealStage.Qualification, null, Now);

        deal.Change(actor, new DealChanges(OwnerId: newOwner, Stage: DealStage.Negotiation), Now);

        deal.OwnerId.ShouldBe(newOwner);
    }

    /// <summary>A deal owned by <paramref name="ownerId"/> in the given status, with a positive amount.</summary>
    private static Deal DealIn(DealStatus status, Guid ownerId)
    {
        var deal = Deal.Open(Organization, Admin, Guid.NewGuid(), "Deal", 100m, "USD", DealStage.Proposal, ownerId, Now);
        if (status != DealStatus.New)
        {
            deal.Change(Admin, new DealChanges(Status: status), Now);
        }

        return deal;
    }
}
