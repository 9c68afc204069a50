namespace Crm.Application.Changes.Common;

/// <summary>
/// One page of the change feed, oldest first. <see cref="NextCursor"/> is always given, also after the last change
/// (then it stays where it is), so that a client polls the feed's tail with it.
/// </summary>
public sealed record ChangePage(IReadOnlyList<ChangeDto> Items, string NextCursor);
