using System.Text.Json;
using Crm.Application.Common.Events;
using Crm.Application.Notifications.Common;
using Crm.Application.Notifications.EventHandlers;
using Crm.Domain.Activities;
using Crm.Domain.Activities.Events;
using Crm.Domain.Common;
using Crm.Domain.Contacts;
using Crm.Domain.Contacts.Events;
using Crm.Domain.Deals;
using Crm.Domain.Deals.Events;
using Crm.Domain.Notifications;
using Crm.Domain.Organizations;
using Crm.Domain.Tasks;
using Moq;

namespace Crm.Application.UnitTests.Notifications;

/// <summary>Who is told of what, and who is not: never the person who did it.</summary>
public sealed class NotificationRecipientsTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Organization = Guid.NewGuid();
    private static readonly Actor Manager = new(Guid.NewGuid(), MemberRole.Manager);
    private static readonly Guid Member = Guid.NewGuid();

    // NUnit runs every test on one instance of the fixture: each starts with its own outbox.
    private Mock<INotificationOutbox> _outbox = new();
    private List<NotificationDraft> _queued = [];

    [SetUp]
    public void Capture()
    {
        _outbox = new Mock<INotificationOutbox>();
        _queued = [];
        _outbox.Setup(o => o.Queue(It.IsAny<NotificationDraft>())).Callback<NotificationDraft>(_queued.Add);
    }

    [Test]
    public async Task A_task_given_to_someone_else_tells_its_assignee_and_one_taken_by_oneself_tells_nobody()
    {
        var handler = new NotifyTaskAssignee(_outbox.Object);
        var task = Guid.NewGuid();

        await handler.Handle(Event(new TaskAssigned(Organization, null, task, Manager.UserId, "Call", null, Member)), default);
        await handler.Handle(Event(new TaskAssigned(Organization, null, task, Member, "Call", Manager.UserId, Member)), default);
        await handler.Handle(Event(new TaskAssigned(Organization, null, task, Manager.UserId, "Call", Member, null)), default);

        _queued.ShouldHaveSingleItem().ShouldBe(new NotificationDraft(
            Member, Organization, NotificationTypes.TaskAssigned, NotificationRecordTypes.Task, task, Manager.UserId, "Call"));
    }

    [Test]
    public async Task A_deal_opened_for_someone_else_tells_its_owner_and_one_opened_for_oneself_tells_nobody()
    {
        var forMember = Deal.Open(Organization, Manager, Guid.NewGuid(), "Licences", 100m, "EUR", DealStage.Qualification, Member, Now);
        var forSelf = Deal.Open(Organization, Manager, Guid.NewGuid(), "Mine", 100m, "EUR", DealStage.Qualification, null, Now);
        var handler = new NotifyDealOwner(Current(forMember, forSelf));

        await handler.Handle(Event(forMember.DomainEvents.OfType<DealCreated>().Single()), default);
        await handler.Handle(Event(forSelf.DomainEvents.OfType<DealCreated>().Single()), default);

        _queued.ShouldHaveSingleItem().ShouldBe(new NotificationDraft(
            Member, Organization, NotificationTypes.DealAssigned, NotificationRecordTypes.Deal, forMember.Id, Manager.UserId, "Licences"));
    }

    [Test]
    public async Task A_win_a_loss_or_a_stage_move_by_someone_else_tells_the_owner_once_and_by_the_owner_nobody()
    {
        var deal = Deal.Open(Organization, Manager, Guid.NewGuid(), "Licences", 100m, "EUR", DealStage.Qualification, Member, Now);
        var handler = new NotifyDealOwner(Current(deal));

        await handler.Handle(Event(new DealStageChanged(Organization, deal.Id, Manager.UserId, DealStage.Qualification, DealStage.Proposal, Now)), default);
        await handler.Handle(Event(new DealStatusChanged(Organization, deal.Id, Manager.UserId, DealStatus.New, DealStatus.Won)), default);
        await handler.Handle(Event(new DealStageChanged(Organization, deal.Id, Manager.UserId, DealStage.Proposal, DealStage.Closed, Now)), default);
        await handler.Handle(Event(new DealStatusChanged(Organization, deal.Id, Manager.UserId, DealStatus.New, DealStatus.InProgress)), default);
        await handler.Handle(Event(new DealStatusChanged(Organization, deal.Id, Member, DealStatus.Won, DealStatus.Lost)), default);

        _queued.Select(d => (d.Type, d.Detail)).ShouldBe([(NotificationTypes.DealStageChanged, "proposal"), (NotificationTypes.DealWon, null)]);
    }

    [Test]
    public async Task A_change_of_a_deals_owner_tells_the_new_owner_and_other_changes_tell_nobody()
    {
        var deal = Deal.Open(Organization, Manager, Guid.NewGuid(), "Licences", 100m, "EUR", DealStage.Qualification, Member, Now);
        var handler = new NotifyDealOwner(Current(deal));

        await handler.Handle(Event(new DealUpdated(Organization, deal.Id, Manager.UserId, [new FieldChange("title", "Old", "Licences")])), default);
        await handler.Handle(Event(new DealUpdated(Organization, deal.Id, Manager.UserId, [new FieldChange("owner_id", Manager.UserId, Member)])), default);

        _queued.ShouldHaveSingleItem().Type.ShouldBe(NotificationTypes.DealAssigned);
    }

    [Test]
    public async Task A_contact_given_to_someone_else_tells_its_owner()
    {
        var contact = Contact.Create(Organization, Manager, Member, "Ada Lovelace", null, null, Now);
        var handler = new NotifyContactOwner(Current(contact));

        await handler.Handle(Event(contact.DomainEvents.OfType<ContactCreated>().Single()), default);
        await handler.Handle(Event(new ContactUpdated(Organization, contact.Id, Member, [new FieldChange("owner_id", Manager.UserId, Member)])), default);

        _queued.ShouldHaveSingleItem().ShouldBe(new NotificationDraft(
            Member, Organization, NotificationTypes.ContactAssigned, NotificationRecordTypes.Contact, contact.Id, Manager.UserId, "Ada Lovelace"));
    }

    [Test]
    public async Task A_comment_tells_whom_it_mentions_but_its_author_and_the_deal_owner_once()
    {
        var owner = Guid.NewGuid();
        var deal = Deal.Open(Organization, new Actor(owner, MemberRole.Member), Guid.NewGuid(), "Licences", 100m, "EUR", DealStage.Qualification, null, Now);
        var mentioningOwner = Comment(deal, $"@[Owner](user:{owner}) and @[Me](user:{Manager.UserId})", [owner, Manager.UserId]);
        var plain = Comment(deal, "Looks good", []);
        var mentions = new NotifyMentionedMembers(Current(deal, mentioningOwner, plain));
        var comments = new NotifyDealOwnerOfComments(Current(deal, mentioningOwner, plain));

        foreach (var comment in new[] { mentioningOwner, plain })
        {
            var e = Event(comment.DomainEvents.OfType<CommentAdded>().Single());
            await mentions.Handle(e, default);
            await comments.Handle(e, default);
        }

        _queued.Select(d => (d.UserId, d.Type, d.Detail)).ShouldBe([
            (owner, NotificationTypes.Mentioned, "@Owner and @Me"),
            (owner, NotificationTypes.DealCommented, "Looks good"),
        ]);
    }

    [Test]
    public async Task A_comment_by_the_deal_owner_tells_the_owner_nothing()
    {
        var deal = Deal.Open(Organization, Manager, Guid.NewGuid(), "Licences", 100m, "EUR", DealStage.Qualification, null, Now);
        var comment = Comment(deal, "Note to self", []);

        await new NotifyDealOwnerOfComments(Current(deal, comment)).Handle(Event(comment.DomainEvents.OfType<CommentAdded>().Single()), default);

        _queued.ShouldBeEmpty();
    }

    [Test]
    public void The_words_name_the_actor_or_someone_when_it_is_unknown()
    {
        NotificationText.Compose(NotificationTypes.DealStageChanged, "Grace", "Licences", "proposal")
            .ShouldBe(("Grace moved your deal to proposal", "Licences"));
        NotificationText.Compose(NotificationTypes.Mentioned, null, null, "Hello").ShouldBe(("Someone mentioned you", "Hello"));
        NotificationTypes.All.ShouldAllBe(t => NotificationText.Compose(t, "Grace", "S", "D").Title != t);
    }

    private static Activity Comment(Deal deal, string text, Guid[] mentions) => Activity.Record(
        Organization, ActivityLinks.OfDeal(deal.Id), Manager.UserId, ActivityType.Comment,
        JsonSerializer.Serialize(new { text }), Now, mentions: mentions);

    private static DomainEventNotification<T> Event<T>(T domainEvent)
        where T : IDomainEvent => new(domainEvent);

    private INotificationOutbox Current(params Entity[] entities)
    {
        foreach (var entity in entities)
        {
            switch (entity)
            {
                case Deal deal:
                    _outbox.Setup(o => o.CurrentAsync<Deal>(deal.Id, It.IsAny<CancellationToken>())).ReturnsAsync(deal);
                    break;
                case Contact contact:
                    _outbox.Setup(o => o.CurrentAsync<Contact>(contact.Id, It.IsAny<CancellationToken>())).ReturnsAsync(contact);
                    break;
                case Activity activity:
                    _outbox.Setup(o => o.CurrentAsync<Activity>(activity.Id, It.IsAny<CancellationToken>())).ReturnsAsync(activity);
                    break;
            }
        }

        return _outbox.Object;
    }
}
