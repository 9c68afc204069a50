namespace Crm.Application.Tags.Queries.ListTags;

/// <summary>How many records carry one spelling of a tag.</summary>
public sealed record SpellingCount(string Tag, int Count);
