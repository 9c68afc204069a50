namespace Crm.Application.ApiKeys.Common;

/// <summary>Who created a key: a person, or an admin key (then its name).</summary>
public sealed record ApiKeyCreatorDto(Guid Id, string Name);
