namespace Crm.Application.Tags.Queries.ListTags;

/// <summary>One of the organization's tags and the number of records that carry it.</summary>
/// <param name="Name">The spelling most records use (tags compare without regard to case).</param>
/// <param name="Count">Records of the type asked for (of all three types without <c>record_type</c>) that carry the tag.</param>
public sealed record TagDto(string Name, int Count);
