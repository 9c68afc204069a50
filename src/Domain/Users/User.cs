using Crm.Domain.Common;

namespace Crm.Domain.Users;

/// <summary>A person who signs in. Belongs to organizations through memberships.</summary>
public sealed class User : Entity
{
    public const int EmailMaxLength = 254;
    public const int NameMaxLength = 200;

    private User()
    {
        Email = NormalizedEmail = Name = PasswordHash = string.Empty;
    }

    public string Email { get; private set; }

    /// <summary>The email as compared for uniqueness and sign-in: case-insensitive.</summary>
    public string NormalizedEmail { get; private set; }

    public string Name { get; private set; }

    public string PasswordHash { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public static User Register(string email, string name, string passwordHash, DateTime now) => new()
    {
        Id = NewId(),
        Email = email.Trim(),
        NormalizedEmail = Normalize(email),
        Name = name.Trim(),
        PasswordHash = passwordHash,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    /// <summary>Replaces the stored hash, for example when the hashing algorithm's parameters were upgraded.</summary>
    public void ChangePasswordHash(string passwordHash, DateTime now)
    {
        PasswordHash = passwordHash;
        UpdatedAt = now;
    }
}
