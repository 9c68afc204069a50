using Crm.Application.Common.Behaviours;
using Crm.Application.Common.Caching;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace Crm.Application.UnitTests.Behaviours;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class CacheInvalidationBehaviourTests
{
    private readonly Mock<ICacheStore> _cache = new();
    private readonly PendingCacheInvalidations _pending = new();
    private readonly Guid _organization = Guid.NewGuid();

    [Test]
    public async Task A_commands_invalidations_apply_only_once_it_has_succeeded()
    {
        var behaviour = Behaviour();

        await Should.ThrowAsync<InvalidOperationException>(() => behaviour.Handle("failing", CancellationToken.None, () =>
        {
            _pending.Invalidate(_organization, CacheTags.Deals);
            throw new InvalidOperationException("rolled back");
        }));
        _cache.Verify(c => c.InvalidateTagAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);

        await behaviour.Handle("succeeding", CancellationToken.None, () =>
        {
            _pending.Invalidate(_organization, CacheTags.Deals);
            return Task.FromResult("done");
        });
        _cache.Verify(c => c.InvalidateTagAsync($"{_organization}:{CacheTags.Deals}", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task A_failing_cache_does_not_fail_the_committed_command()
    {
        _cache.Setup(c => c.InvalidateTagAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TimeoutException("cache down"));

        var answer = await Behaviour().Handle("succeeding", CancellationToken.None, () =>
        {
            _pending.Invalidate(_organization, CacheTags.Deals);
            return Task.FromResult("done");
        });

        answer.ShouldBe("done");
    }

    private CacheInvalidationBehaviour<string, string> Behaviour() =>
        new(_cache.Object, _pending, NullLogger<CacheInvalidationBehaviour<string, string>>.Instance);
}
