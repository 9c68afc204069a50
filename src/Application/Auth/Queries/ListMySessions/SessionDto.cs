namespace Crm.Application.Auth.Queries.ListMySessions;

/// <summary>One live session of mine; <see cref="Current"/> marks the one the request came with.</summary>
public sealed record SessionDto(
    Guid Id, DateTime CreatedAt, DateTime LastUsedAt, string? ClientAddress, string? UserAgent, bool Current);
