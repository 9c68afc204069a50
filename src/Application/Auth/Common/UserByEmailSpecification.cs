using Ardalis.Specification;
using Crm.Domain.Users;

namespace Crm.Application.Auth.Common;

/// <summary>The account of an email address, compared in its normalised form.</summary>
public sealed class UserByEmailSpecification : Specification<User>, ISingleResultSpecification<User>
{
    public UserByEmailSpecification(string email)
    {
        NormalizedEmail = User.Normalize(email);
        Query.Where(u => u.NormalizedEmail == NormalizedEmail);
    }

    public string NormalizedEmail { get; }
}
