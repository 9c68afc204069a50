using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Security;
using Crm.Application.Organizations.Commands.UpdateOrganization;
using Crm.Application.Organizations.Common;
using Crm.Domain.Common;
using Crm.Domain.Organizations;
using Crm.Domain.Users;
using Crm.Application.UnitTests.Attachments;
using Moq;

namespace Crm.Application.UnitTests.Organizations;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class UpdateOrganizationTests
{
    private readonly Guid _adminId = Guid.NewGuid();
    private readonly Organization _organization;
    private readonly Mock<IRepository<Organization>> _organizations = new();
    private readonly RequestContext _context = new();

    public UpdateOrganizationTests()
    {
        var ownerId = Guid.NewGuid();
        _organization = Organization.Create("Acme", "USD", ownerId, DateTime.UtcNow);
        _organization.AddMember(new Actor(ownerId, MemberRole.Owner), _adminId, MemberRole.Admin, DateTime.UtcNow);
        _organizations.Setup(o => o.FirstOrDefaultAsync(It.IsAny<OrganizationWithMembersSpecification>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(_organization);
        _context.SetUser(_adminId, Guid.NewGuid());
        _context.SetOrganization(_organization.Id, MemberRole.Admin);
    }

    [Test]
    public async Task Requiring_two_factor_sign_in_is_refused_to_an_administrator_without_it()
    {
        var error = await Should.ThrowAsync<BusinessRuleException>(() =>
            Handler(new InMemoryReadStore()).Handle(new UpdateOrganizationCommand(null, null, true), CancellationToken.None));

        error.Code.ShouldBe("two_factor_needed_to_require");
        _organization.RequireTwoFactor.ShouldBeFalse();
    }

    [Test]
    public async Task An_administrator_with_two_factor_sign_in_requires_it_and_the_answer_shows_it()
    {
        var credential = TwoFactorCredential.Begin(_adminId, [1], DateTime.UtcNow);
        credential.Enable(1, Enumerable.Range(0, 10).Select(i => $"h{i}").ToList(), DateTime.UtcNow);

        var result = await Handler(new InMemoryReadStore().With(credential))
            .Handle(new UpdateOrganizationCommand(null, null, true), CancellationToken.None);

        result.RequireTwoFactor.ShouldBeTrue();
        _organization.RequireTwoFactor.ShouldBeTrue();
    }

    [Test]
    public async Task Leaving_the_setting_out_leaves_it_as_it_is()
    {
        var result = await Handler(new InMemoryReadStore()).Handle(new UpdateOrganizationCommand("Renamed", null), CancellationToken.None);

        result.Name.ShouldBe("Renamed");
        result.RequireTwoFactor.ShouldBeFalse();
    }

    private UpdateOrganizationCommandHandler Handler(IReadStore store) =>
        new(_organizations.Object, store, _context, StorageQuotaTests.Figures(), TimeProvider.System);
}
