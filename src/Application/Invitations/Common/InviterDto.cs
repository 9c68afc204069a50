namespace Crm.Application.Invitations.Common;

/// <summary>Who sent an invitation: the same shape wherever an invitation is shown.</summary>
public sealed record InviterDto(Guid Id, string Name);
