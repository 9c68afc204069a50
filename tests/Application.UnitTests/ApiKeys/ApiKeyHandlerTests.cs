using Crm.Application.ApiKeys.Commands.CreateApiKey;
using Crm.Application.ApiKeys.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Security;
using Crm.Domain.ApiKeys;
using Crm.Domain.Common;
using Crm.Domain.Organizations;
using Crm.Domain.Users;
using Moq;

namespace Crm.Application.UnitTests.ApiKeys;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ApiKeyHandlerTests
{
    private readonly Mock<IRepository<ApiKey>> _keys = new();
    private readonly Mock<IRepository<User>> _users = new();
    private readonly Mock<IAuditTrail> _audit = new();
    private readonly RequestContext _context = new();

    [Test]
    public async Task Creating_a_key_adds_its_service_user_with_its_id_and_answers_the_secret_of_the_stored_hash()
    {
        var organizationId = Guid.NewGuid();
        var ownerId = Guid.NewGuid();
        _context.SetUser(ownerId, Guid.NewGuid());
        _context.SetOrganization(organizationId, MemberRole.Owner);
        ApiKey? added = null;
        User? serviceUser = null;
        _keys.Setup(k => k.Add(It.IsAny<ApiKey>())).Callback((ApiKey k) => added = k);
        _users.Setup(u => u.Add(It.IsAny<User>())).Callback((User u) => serviceUser = u);
        var handler = new CreateApiKeyCommandHandler(_keys.Object, _users.Object, _context, _audit.Object, TimeProvider.System);

        var created = await handler.Handle(
            new CreateApiKeyCommand("Billing sync", MemberRole.Admin, ReadOnly: true, ExpiresAt: DateTimeOffset.UtcNow.AddDays(1)),
            CancellationToken.None);

        added.ShouldNotBeNull();
        serviceUser.ShouldNotBeNull();
        serviceUser.Id.ShouldBe(added.Id);
        serviceUser.Name.ShouldBe("Billing sync");
        created.Id.ShouldBe(added.Id);
        added.SecretHash.ShouldBe(ApiKeySecrets.Hash(created.Secret));
        added.OrganizationId.ShouldBe(organizationId);
        added.CreatedBy.ShouldBe(ownerId);
        (created.Role, created.ReadOnly, created.Prefix).ShouldBe((MemberRole.Admin, true, added.Prefix));
        (created.ExpiresAt!.Value.Ticks % 10).ShouldBe(0);
        _audit.Verify(a => a.Record(It.Is<AuditEvent>(e =>
            e.Action == "create_api_key" && e.EntityId == added.Id && e.Changes.All(c => c.To != created.Secret))), Times.Once);
    }

    [Test]
    public async Task An_admin_creating_an_admin_key_adds_nothing()
    {
        _context.SetUser(Guid.NewGuid(), Guid.NewGuid());
        _context.SetOrganization(Guid.NewGuid(), MemberRole.Admin);
        var handler = new CreateApiKeyCommandHandler(_keys.Object, _users.Object, _context, _audit.Object, TimeProvider.System);

        var error = await Should.ThrowAsync<BusinessRuleException>(() =>
            handler.Handle(new CreateApiKeyCommand("Peer", MemberRole.Admin), CancellationToken.None));

        error.Code.ShouldBe("api_key_admin_requires_owner");
        _keys.VerifyNoOtherCalls();
        _users.VerifyNoOtherCalls();
    }
}
