using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Organizations;
using Crm.Domain.Webhooks;
using static Crm.Domain.UnitTests.RuleAssert;

namespace Crm.Domain.UnitTests.Webhooks;

public sealed class WebhookTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Organization = Guid.NewGuid();

    private static Actor As(MemberRole role) => new(Guid.NewGuid(), role);

    /// <summary>Stands in for the secret protector: marks the secret with the id it was bound to.</summary>
    private static byte[] Protect(byte[] secret, Guid owner) => [.. owner.ToByteArray(), .. secret];

    private static Webhook Register(Actor actor, params string[] events) =>
        Webhook.Register(Organization, actor, " https://hooks.example.com/crm ", events, "  ", true, [7, 7], Protect, Now);

    [TestCase(MemberRole.Owner)]
    [TestCase(MemberRole.Admin)]
    public void An_administrator_registers_a_webhook_whose_secret_is_bound_to_it(MemberRole role)
    {
        var actor = As(role);

        var webhook = Register(actor, "deal.*", "contact.created", "deal.*");

        webhook.Url.ShouldBe("https://hooks.example.com/crm");
        webhook.Events.ShouldBe(["contact.created", "deal.*"]);
        webhook.Description.ShouldBeNull();
        webhook.Active.ShouldBeTrue();
        webhook.CreatedBy.ShouldBe(actor.UserId);
        webhook.Secret.ShouldBe([.. webhook.Id.ToByteArray(), 7, 7]);
        webhook.SigningSecrets(Now).Count.ShouldBe(1);
    }

    [TestCase(MemberRole.Manager)]
    [TestCase(MemberRole.Member)]
    public void Only_an_administrator_manages_webhooks(MemberRole role)
    {
        AssertBrokenRule(() => Register(As(role), "*"), "insufficient_role", ErrorKind.Forbidden);
        var webhook = Register(As(MemberRole.Owner), "*");
        AssertBrokenRule(() => webhook.Update(As(role), new WebhookChanges(default, default, default, false), Now), "insufficient_role", ErrorKind.Forbidden);
        AssertBrokenRule(() => webhook.RotateSecret(As(role), [1], Protect, Now), "insufficient_role", ErrorKind.Forbidden);
        AssertBrokenRule(() => webhook.CheckCanDelete(As(role)), "insufficient_role", ErrorKind.Forbidden);
    }

    [TestCase("deal.signed")]
    [TestCase("deals.*")]
    [TestCase("deal")]
    [TestCase("**")]
    [TestCase("Deal.created")]
    [TestCase("ping")]
    public void Unknown_events_are_refused(string pattern)
    {
        AssertBrokenRule(() => Register(As(MemberRole.Owner), "contact.created", pattern), "webhook_event_unknown", ErrorKind.Invalid);
        var webhook = Register(As(MemberRole.Owner), "*");
        AssertBrokenRule(
            () => webhook.Update(As(MemberRole.Owner), new WebhookChanges(default, new Optional<IReadOnlyList<string>>(true, [pattern]), default, default), Now),
            "webhook_event_unknown", ErrorKind.Invalid);
        webhook.Events.ShouldBe(["*"]);
    }

    [Test]
    public void No_events_is_refused() =>
        AssertBrokenRule(() => Register(As(MemberRole.Owner)), "webhook_event_unknown", ErrorKind.Invalid);

    [TestCase("*", "member.removed", true)]
    [TestCase("deal.*", "deal.won", true)]
    [TestCase("deal.*", "contact.created", false)]
    [TestCase("deal.won", "deal.won", true)]
    [TestCase("deal.won", "deal.lost", false)]
    [TestCase("task.*", "task.completed", true)]
    public void Wildcards_match_their_events(string pattern, string type, bool matches) =>
        Register(As(MemberRole.Owner), pattern).Wants(type).ShouldBe(matches);

    [Test]
    public void An_inactive_webhook_wants_nothing()
    {
        var webhook = Register(As(MemberRole.Owner), "*");

        webhook.Update(As(MemberRole.Admin), new WebhookChanges(default, default, default, false), Now);

        webhook.Wants("deal.won").ShouldBeFalse();
    }

    [Test]
    public void A_partial_update_changes_only_what_is_set()
    {
        var webhook = Register(As(MemberRole.Owner), "*");

        webhook.Update(As(MemberRole.Admin), new WebhookChanges("https://b.example.com/", default, "Billing", default), Now.AddHours(1));

        webhook.Url.ShouldBe("https://b.example.com/");
        webhook.Events.ShouldBe(["*"]);
        webhook.Description.ShouldBe("Billing");
        webhook.Active.ShouldBeTrue();
        webhook.UpdatedAt.ShouldBe(Now.AddHours(1));
    }

    [Test]
    public void After_a_rotation_both_secrets_sign_for_a_day()
    {
        var webhook = Register(As(MemberRole.Owner), "*");
        var first = webhook.Secret;

        webhook.RotateSecret(As(MemberRole.Admin), [8, 8], Protect, Now);

        webhook.Secret.ShouldBe([.. webhook.Id.ToByteArray(), 8, 8]);
        webhook.SigningSecrets(Now.AddHours(23)).ShouldBe([webhook.Secret, first]);
        webhook.SigningSecrets(Now + Webhook.SecretOverlap).ShouldBe([webhook.Secret]);
    }

    [Test]
    public void Turning_a_deactivated_webhook_on_clears_why_it_was_turned_off()
    {
        var webhook = Register(As(MemberRole.Owner), "*");
        webhook.Deactivate("gone", Now);
        webhook.Active.ShouldBeFalse();
        webhook.DeactivationReason.ShouldBe("gone");

        webhook.Update(As(MemberRole.Owner), new WebhookChanges(default, default, default, true), Now.AddMinutes(1));

        webhook.Active.ShouldBeTrue();
        webhook.DeactivatedAt.ShouldBeNull();
        webhook.DeactivationReason.ShouldBeNull();
    }
}
