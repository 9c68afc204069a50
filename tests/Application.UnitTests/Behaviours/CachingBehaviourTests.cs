using Crm.Application.Analytics.Queries.DealFunnel;
using Crm.Application.Common.Behaviours;
using Crm.Application.Common.Caching;
using Crm.Application.Common.Security;
using Crm.Domain.Organizations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace Crm.Application.UnitTests.Behaviours;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class CachingBehaviourTests
{
    private readonly Mock<ICacheStore> _cache = new();
    private readonly RequestContext _context = new();
    private readonly Guid _organization = Guid.NewGuid();
    private readonly DealFunnelDto _fresh = new([]);

    [SetUp]
    public void InOrganization()
    {
        _context.SetUser(Guid.NewGuid(), Guid.NewGuid());
        _context.SetOrganization(_organization, MemberRole.Member);
        _cache.Setup(c => c.GetTagVersionAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(7);
    }

    [Test]
    public async Task A_cached_answer_is_served_without_running_the_handler()
    {
        var cached = new DealFunnelDto([]);
        _cache.Setup(c => c.GetAsync($"{_organization}:analytics:deal-funnel:v7", typeof(DealFunnelDto), It.IsAny<CancellationToken>())).ReturnsAsync(cached);
        var ran = false;

        var answer = await Behaviour<DealFunnelQuery, DealFunnelDto>().Handle(
            new DealFunnelQuery(), CancellationToken.None, () => { ran = true; return Task.FromResult(_fresh); });

        answer.ShouldBeSameAs(cached);
        ran.ShouldBeFalse();
    }

    [Test]
    public async Task A_miss_runs_the_handler_and_stores_the_answer_under_the_organizations_key_and_tag_versions()
    {
        var answer = await Behaviour<DealFunnelQuery, DealFunnelDto>().Handle(new DealFunnelQuery(), CancellationToken.None, () => Task.FromResult(_fresh));

        answer.ShouldBeSameAs(_fresh);
        _cache.Verify(c => c.GetTagVersionAsync($"{_organization}:{CacheTags.Deals}", It.IsAny<CancellationToken>()));
        _cache.Verify(c => c.SetAsync($"{_organization}:analytics:deal-funnel:v7", _fresh, typeof(DealFunnelDto), TimeSpan.FromSeconds(60), It.IsAny<CancellationToken>()));
    }

    [Test]
    public async Task A_failing_cache_falls_back_to_the_handler()
    {
        _cache.Setup(c => c.GetTagVersionAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(new TimeoutException("cache down"));

        var answer = await Behaviour<DealFunnelQuery, DealFunnelDto>().Handle(new DealFunnelQuery(), CancellationToken.None, () => Task.FromResult(_fresh));

        answer.ShouldBeSameAs(_fresh);
        _cache.Verify(c => c.SetAsync(It.IsAny<string>(), It.IsAny<object>(), It.IsAny<Type>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    public sealed record MyDealsQuery : Common.Messaging.IQuery<DealFunnelDto>, ICacheableQuery
    {
        public string CacheKey => "my-deals";

        public IReadOnlyList<string> CacheTags => [Application.Common.Caching.CacheTags.Deals];

        public CacheVary Vary => CacheVary.User;
    }

    [Test]
    public async Task An_answer_that_depends_on_the_caller_is_cached_under_the_caller()
    {
        await Behaviour<MyDealsQuery, DealFunnelDto>().Handle(new MyDealsQuery(), CancellationToken.None, () => Task.FromResult(_fresh));

        _cache.Verify(c => c.SetAsync($"{_organization}:user:{_context.UserId}:my-deals:v7", _fresh, typeof(DealFunnelDto), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()));
    }

    private CachingBehaviour<TRequest, TResponse> Behaviour<TRequest, TResponse>()
        where TRequest : notnull =>
        new(_cache.Object, _context, Options.Create(new CachingOptions()), NullLogger<CachingBehaviour<TRequest, TResponse>>.Instance);
}
