using Crm.Application.AuditLogs.Common;
using Crm.Application.AuditLogs.Queries.ListAuditLogs;
using Crm.Domain.Auditing;
using Crm.Domain.Organizations;
using Crm.Domain.Users;

namespace Crm.Application.UnitTests.AuditLogs;

public sealed class AuditLogVisibilityTests
{
    private static readonly DateTime Created = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);

    [Test]
    public void A_members_account_events_show_only_from_their_joining_and_a_strangers_never()
    {
        var ownerId = Guid.NewGuid();
        var organization = Organization.Create("Acme", null, ownerId, Created);
        var joiner = User.Register("joiner@example.com", "Joiner", "hash", Created);
        joiner.ConfirmEmail(Created);
        organization.AddMember(new Actor(ownerId, MemberRole.Owner), joiner.Id, MemberRole.Member, Created.AddHours(2));
        var stranger = Guid.NewGuid();
        var elsewhere = Guid.NewGuid();
        AuditEntry[] entries =
        [
            Account("sign_in", joiner.Id, Created.AddHours(1)),
            Account("sign_in_failed", null, Created.AddHours(1), joiner.Id),
            Account("sign_in", joiner.Id, Created.AddHours(3)),
            Account("sign_in_failed", null, Created.AddHours(3), joiner.Id),
            Account("sign_in", stranger, Created.AddHours(3)),
            AuditEntry.Record(elsewhere, joiner.Id, "create_contact", "contact", Guid.NewGuid(), "[]", null, null, null, Created.AddHours(3)),
            AuditEntry.Record(organization.Id, ownerId, "create_contact", "contact", Guid.NewGuid(), "[]", null, null, null, Created.AddHours(1)),
        ];

        var visible = new AuditLogSpecification(organization.Id, organization.Memberships.AsQueryable(), new ListAuditLogsQuery())
            .Evaluate(entries).ToList();

        visible.ShouldBe([entries[2], entries[3], entries[6]], ignoreOrder: true);
    }

    private static AuditEntry Account(string action, Guid? actor, DateTime at, Guid? about = null) =>
        AuditEntry.Record(null, actor, action, "user", about ?? actor, "[]", null, null, null, at);
}
