using Crm.Domain.Organizations;

namespace Crm.Application.Invitations.Common;

/// <summary>An invitation as the organization that sent it sees it.</summary>
public sealed record InvitationDto(Guid Id, string Email, MemberRole Role, InviterDto InvitedBy, DateTime CreatedAt, DateTime ExpiresAt);
