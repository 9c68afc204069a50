using Crm.Application.Common.Behaviours;
using Crm.Application.Common.Caching;
using Crm.Application.Common.Messaging;
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

    [Test]
    public async Task A_batch_bumps_its_items_tags_once_after_its_last_item_even_when_it_fails_part_way()
    {
        var batch = new CacheInvalidationBehaviour<TestBatch, string>(
            _cache.Object, _pending, NullLogger<CacheInvalidationBehaviour<TestBatch, string>>.Instance);
        var item = Behaviour();

        await Should.ThrowAsync<InvalidOperationException>(() => batch.Handle(new TestBatch(), CancellationToken.None, async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                await item.Handle($"item {i}", CancellationToken.None, () =>
                {
                    _pending.Invalidate(_organization, CacheTags.Deals);
                    return Task.FromResult("created");
                });
                _cache.Verify(c => c.InvalidateTagAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
            }

            throw new InvalidOperationException("the connection broke after three items");
        }));

        _cache.Verify(c => c.InvalidateTagAsync($"{_organization}:{CacheTags.Deals}", It.IsAny<CancellationToken>()), Times.Once);
        _pending.Deferred.ShouldBeFalse();
    }

    private sealed record TestBatch : IBatch<string>;

    private CacheInvalidationBehaviour<string, string> Behaviour() =>
        new(_cache.Object, _pending, NullLogger<CacheInvalidationBehaviour<string, string>>.Instance);
}
