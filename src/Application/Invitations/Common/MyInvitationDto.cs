using Crm.Domain.Organizations;

namespace Crm.Application.Invitations.Common;

/// <summary>An invitation as the invited person sees it: which organization, which role, from whom.</summary>
public sealed record MyInvitationDto(
    Guid Id, InvitingOrganizationDto Organization, MemberRole Role, InviterDto InvitedBy, DateTime CreatedAt, DateTime ExpiresAt);
