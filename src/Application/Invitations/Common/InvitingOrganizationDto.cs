namespace Crm.Application.Invitations.Common;

/// <summary>The organization an invitation is to, as much as the invited person may know before joining.</summary>
public sealed record InvitingOrganizationDto(Guid Id, string Name);
