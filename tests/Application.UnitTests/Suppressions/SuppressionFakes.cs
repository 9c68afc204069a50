using Crm.Application.Suppressions.Common;
using Moq;

namespace Crm.Application.UnitTests.Suppressions;

/// <summary>A suppression list that holds the given addresses (none by default).</summary>
internal static class SuppressionFakes
{
    public static ISuppressionList Of(params string[] suppressed)
    {
        var list = new Mock<ISuppressionList>();
        list.Setup(l => l.SuppressedAsync(It.IsAny<Guid>(), It.IsAny<IEnumerable<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Guid _, IEnumerable<string> emails, CancellationToken _) =>
                emails.Select(SuppressionChecks.Normalize).Where(e => suppressed.Contains(e, StringComparer.Ordinal)).ToHashSet(StringComparer.Ordinal));
        return list.Object;
    }
}
