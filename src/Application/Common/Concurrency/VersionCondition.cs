namespace Crm.Application.Common.Concurrency;

/// <summary>
/// The versions a write may apply to (HTTP If-Match): any existing version (<c>*</c>), or one of those listed.
/// An entity tag this service did not issue names no version, so it never matches.
/// </summary>
public sealed record VersionCondition(bool AnyVersion, IReadOnlyList<uint> Versions)
{
    public static VersionCondition Any { get; } = new(true, []);

    public static VersionCondition OneOf(params uint[] versions) => new(false, versions);

    public bool Matches(uint version) => AnyVersion || Versions.Contains(version);
}
