using Crm.Application.Common.Caching;
using Crm.Application.Common.Security;
using Crm.Domain.Contacts;
using Crm.Domain.Organizations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace Crm.Application.UnitTests.Behaviours;

[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class ListTotalsTests
{
    private readonly Mock<ICacheStore> _cache = new();
    private readonly RequestContext _context = new();
    private readonly Guid _organization = Guid.NewGuid();
    private readonly InMemoryReadStore _store = new InMemoryReadStore().With("a", "b", "c");
    private readonly ListTotalKey _key = new(typeof(Contact), "acme|");

    [SetUp]
    public void InOrganization()
    {
        _context.SetUser(Guid.NewGuid(), Guid.NewGuid());
        _context.SetOrganization(_organization, MemberRole.Member);
        _cache.Setup(c => c.GetTagVersionAsync($"{_organization}:records:contact", It.IsAny<CancellationToken>())).ReturnsAsync(3);
    }

    [Test]
    public async Task A_kept_total_is_answered_without_counting()
    {
        _cache.Setup(c => c.GetAsync($"{_organization}:total:records:contact:acme|:v3", typeof(ListTotals.ListTotal), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ListTotals.ListTotal(42));

        (await Totals().CountAsync(_store.Query<string>(), _key, CancellationToken.None)).ShouldBe(42);
    }

    [Test]
    public async Task A_missing_total_is_counted_and_kept_under_the_current_version_of_the_records()
    {
        (await Totals().CountAsync(_store.Query<string>(), _key, CancellationToken.None)).ShouldBe(3);

        _cache.Verify(c => c.SetAsync(
            $"{_organization}:total:records:contact:acme|:v3", new ListTotals.ListTotal(3), typeof(ListTotals.ListTotal), TimeSpan.FromSeconds(60), It.IsAny<CancellationToken>()));
    }

    [Test]
    public async Task A_failing_cache_still_answers_the_count()
    {
        _cache.Setup(c => c.GetTagVersionAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(new TimeoutException("cache down"));

        (await Totals().CountAsync(_store.Query<string>(), _key, CancellationToken.None)).ShouldBe(3);
        _cache.Verify(c => c.SetAsync(It.IsAny<string>(), It.IsAny<object>(), It.IsAny<Type>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private ListTotals Totals() =>
        new(_store, _cache.Object, _context, Options.Create(new CachingOptions()), NullLogger<ListTotals>.Instance);
}
