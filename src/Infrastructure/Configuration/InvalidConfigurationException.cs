namespace Crm.Infrastructure.Configuration;

/// <summary>The configuration cannot work: each of <see cref="Problems"/> is one line naming its setting.</summary>
public sealed class InvalidConfigurationException(IReadOnlyList<string> problems)
    : Exception(string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
