namespace Crm.Application.Auth.Queries.ListMySessions;

public sealed record SessionList(IReadOnlyList<SessionDto> Items);
