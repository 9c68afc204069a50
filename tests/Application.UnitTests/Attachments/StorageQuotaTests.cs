using Crm.Application.Attachments.Commands.UploadAttachment;
using Crm.Application.Attachments.Common;
using Crm.Application.Common.Files;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.Mapping;
using Crm.Application.Common.Security;
using Crm.Application.Common.Transactions;
using Crm.Application.Organizations.Common;
using Crm.Domain.Attachments;
using Crm.Domain.Common;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Organizations;
using Microsoft.Extensions.Options;
using Moq;

namespace Crm.Application.UnitTests.Attachments;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class StorageQuotaTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[92]];
    private readonly Actor _owner = new(Guid.NewGuid(), MemberRole.Owner);
    private readonly Organization _organization;
    private readonly Contact _contact;
    private readonly RequestContext _context = new();
    private readonly Mock<IRepository<Contact>> _contacts = new();
    private readonly Mock<IRepository<Attachment>> _attachments = new();
    private readonly Mock<IStorageUsage> _usage = new();
    private readonly Mock<IFileStorage> _storage = new();
    private readonly Mock<ITransactionOutcome> _outcome = new();

    public StorageQuotaTests()
    {
        _organization = Organization.Create("Acme", null, _owner.UserId, DateTime.UtcNow);
        _contact = Contact.Create(_organization.Id, _owner, null, "Ada", null, null, DateTime.UtcNow);
        _contacts.Setup(c => c.FindAsync(_contact.Id, It.IsAny<CancellationToken>())).ReturnsAsync(_contact);
        _context.SetUser(_owner.UserId, Guid.NewGuid());
        _context.SetOrganization(_organization.Id, MemberRole.Owner);
    }

    /// <summary>Figures for organizations that store nothing, with the default quotas.</summary>
    public static StorageFigures Figures()
    {
        var usage = new Mock<IStorageUsage>();
        usage.Setup(u => u.MeasureAsync(It.IsAny<IReadOnlyCollection<Guid>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyCollection<Guid> ids, CancellationToken _) => ids.ToDictionary(id => id, _ => 0L));
        return new StorageFigures(usage.Object, Options.Create(new FilesOptions()));
    }

    [Test]
    public void Each_plan_has_its_quota_by_default_and_by_configuration()
    {
        var defaults = new StorageQuotas();
        defaults.For(OrganizationPlan.Free).ShouldBe(1L << 30);
        defaults.For(OrganizationPlan.Pro).ShouldBe(50L << 30);
        defaults.For(OrganizationPlan.Enterprise).ShouldBe(1L << 40);
        new StorageQuotas { Pro = 7 }.For(OrganizationPlan.Pro).ShouldBe(7);
    }

    [Test]
    public async Task An_organization_shows_what_it_stores_and_may_store()
    {
        _usage.Setup(u => u.MeasureAsync(It.IsAny<IReadOnlyCollection<Guid>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Dictionary<Guid, long> { [_organization.Id] = 1234 });
        var figures = new StorageFigures(_usage.Object, Options.Create(new FilesOptions { Quotas = new StorageQuotas { Free = 5000 } }));

        var dto = await figures.DescribeAsync(_organization, MemberRole.Member, CancellationToken.None);

        dto.StorageUsedBytes.ShouldBe(1234);
        dto.StorageQuotaBytes.ShouldBe(5000);
    }

    [Test]
    public async Task A_file_past_the_quota_is_refused_before_anything_is_stored()
    {
        Used(before: 950, locked: 950);

        var error = await Should.ThrowAsync<BusinessRuleException>(() => Upload(quota: 1000));

        error.Code.ShouldBe("storage_quota_exceeded");
        _storage.Verify(s => s.SaveAsync(It.IsAny<string>(), It.IsAny<Stream>(), It.IsAny<long>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _usage.Verify(u => u.LockAndMeasureAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Never);
        _attachments.Verify(a => a.Add(It.IsAny<Attachment>()), Times.Never);
    }

    [Test]
    public async Task A_file_that_no_longer_fits_once_counted_under_the_lock_is_not_recorded_and_its_content_goes_with_the_rollback()
    {
        Used(before: 0, locked: 950);

        var error = await Should.ThrowAsync<BusinessRuleException>(() => Upload(quota: 1000));

        error.Code.ShouldBe("storage_quota_exceeded");
        _outcome.Verify(o => o.OnRollback(It.IsAny<Func<CancellationToken, Task>>()), Times.Once);
        _attachments.Verify(a => a.Add(It.IsAny<Attachment>()), Times.Never);
    }

    [Test]
    public async Task A_file_that_exactly_fills_the_quota_is_stored_and_recorded()
    {
        Used(before: 900, locked: 900);

        var dto = await Upload(quota: 1000);

        dto.Size.ShouldBe(Png.Length);
        _storage.Verify(s => s.SaveAsync(It.IsAny<string>(), It.IsAny<Stream>(), Png.Length, "image/png", It.IsAny<CancellationToken>()), Times.Once);
        _usage.Verify(u => u.LockAndMeasureAsync(_organization.Id, It.IsAny<CancellationToken>()), Times.Once);
        _attachments.Verify(a => a.Add(It.IsAny<Attachment>()), Times.Once);
    }

    private void Used(long before, long locked)
    {
        _usage.Setup(u => u.MeasureAsync(It.IsAny<IReadOnlyCollection<Guid>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Dictionary<Guid, long> { [_organization.Id] = before });
        _usage.Setup(u => u.LockAndMeasureAsync(_organization.Id, It.IsAny<CancellationToken>())).ReturnsAsync(locked);
    }

    private async Task<AttachmentDto> Upload(long quota)
    {
        var handler = new UploadAttachmentCommandHandler(
            new AttachmentParents(_contacts.Object, new Mock<IRepository<Deal>>().Object, _context),
            _attachments.Object,
            new InMemoryReadStore().With(_organization),
            _usage.Object,
            _storage.Object,
            _outcome.Object,
            _context,
            Options.Create(new FilesOptions { Quotas = new StorageQuotas { Free = quota } }),
            MappingProfile.CreateMapper(),
            TimeProvider.System);
        await using var content = new MemoryStream(Png);
        return await handler.Handle(
            new UploadAttachmentCommand(AttachmentParent.Contact, _contact.Id, "logo.png", "image/png", Png.Length, content), CancellationToken.None);
    }
}
