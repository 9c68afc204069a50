namespace Crm.Application.Tags.Common;

/// <summary>How many records carry one spelling of a tag.</summary>
public sealed record SpellingCount(string Tag, int Count);
