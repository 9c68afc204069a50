using Ardalis.Specification;
using Crm.Domain.Invitations;

namespace Crm.Application.Auth.Common;

/// <summary>The invitation whose link token has the SHA-256 <see cref="Hash"/>.</summary>
public sealed class InvitationByHashSpecification : Specification<Invitation>, ISingleResultSpecification<Invitation>
{
    public InvitationByHashSpecification(byte[] hash)
    {
        Hash = hash;
        Query.Where(i => i.TokenHash == hash);
    }

    public byte[] Hash { get; }
}
