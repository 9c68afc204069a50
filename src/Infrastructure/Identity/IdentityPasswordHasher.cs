using Crm.Application.Common.Interfaces;
using Crm.Domain.Users;
using Microsoft.AspNetCore.Identity;

namespace Crm.Infrastructure.Identity;

/// <summary>ASP.NET Core Identity's PBKDF2 (HMAC-SHA512) password hasher.</summary>
internal sealed class IdentityPasswordHasher : IPasswordHasher
{
    private readonly PasswordHasher<User> _hasher = new();

    public IdentityPasswordHasher() => DecoyHash = Hash(Guid.NewGuid().ToString("N"));

    public string DecoyHash { get; }

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    public PasswordCheck Verify(string hash, string password) =>
        _hasher.VerifyHashedPassword(null!, hash, password) switch
        {
            PasswordVerificationResult.Success => PasswordCheck.Succeeded,
            PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SucceededRehashNeeded,
            _ => PasswordCheck.Failed,
        };
}
