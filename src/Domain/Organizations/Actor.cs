namespace Crm.Domain.Organizations;

/// <summary>The user acting on an organization, with the role it holds there.</summary>
public readonly record struct Actor(Guid UserId, MemberRole Role);
