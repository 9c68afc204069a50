using Crm.Domain.Common;
using Crm.Domain.Errors;
using Crm.Domain.Users.Rules;

namespace Crm.Domain.Users;

/// <summary>A person who signs in. Belongs to organizations through memberships.</summary>
public sealed class User : Entity
{
    public const int EmailMaxLength = 254;
    public const int NameMaxLength = 200;

    /// <summary>How long the link of a verification email works.</summary>
    public static readonly TimeSpan EmailVerificationLifetime = TimeSpan.FromHours(24);

    private User()
    {
        Email = NormalizedEmail = Name = PasswordHash = string.Empty;
    }

    public string Email { get; private set; }

    /// <summary>The email's canonical form (<see cref="Normalize"/>), compared for uniqueness and sign-in.</summary>
    public string NormalizedEmail { get; private set; }

    public string Name { get; private set; }

    public string PasswordHash { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>When the owner of the address proved it (a verification link, or an invitation's link).</summary>
    public DateTime? EmailVerifiedAt { get; private set; }

    /// <summary>SHA-256 of the one live verification link's token; null once verified or never sent.</summary>
    public byte[]? EmailVerificationTokenHash { get; private set; }

    public DateTime? EmailVerificationExpiresAt { get; private set; }

    public bool EmailVerified => EmailVerifiedAt is not null;

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

    /// <summary>
    /// The service user of an API key (same id), which owns the records the key creates and names it where an owner
    /// or author is shown. Its address has no <c>@</c>, so reset, registration and invitations refuse it, and its
    /// empty password hash matches no password, so signing in as it fails.
    /// </summary>
    public static User ServiceAccount(Guid apiKeyId, string name, DateTime now)
    {
        var address = $"api-key:{apiKeyId}";
        return new User
        {
            Id = apiKeyId,
            Email = address,
            NormalizedEmail = address,
            Name = name.Trim(),
            PasswordHash = string.Empty,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>The canonical form of an address, stored and compared everywhere (<see cref="EmailCanonicalForm"/>).</summary>
    public static string Normalize(string email) => EmailCanonicalForm.Of(email);

    /// <summary>Whether an address can be a mailbox (<see cref="EmailCanonicalForm.IsPlausible"/>).</summary>
    public static bool IsPlausibleEmail(string? email) => EmailCanonicalForm.IsPlausible(email, EmailMaxLength);

    /// <summary>Starts a new verification link (24 hours); any earlier link stops working.</summary>
    public void IssueEmailVerification(byte[] tokenHash, DateTime now)
    {
        BusinessRules.Check(new EmailIsNotYetVerified(EmailVerified));
        EmailVerificationTokenHash = tokenHash;
        EmailVerificationExpiresAt = now + EmailVerificationLifetime;
        UpdatedAt = now;
    }

    /// <summary>Spends the verification link: refused once used (it is cleared) or expired.</summary>
    public void VerifyEmail(DateTime now)
    {
        BusinessRules.Check(new TokenIsUsable(
            EmailVerificationTokenHash is null ? now : null,
            EmailVerificationExpiresAt ?? now,
            now,
            ErrorCatalog.InvalidVerificationToken));
        ConfirmEmail(now);
    }

    /// <summary>Marks the address proved by another single-use link sent to it (an invitation's).</summary>
    public void ConfirmEmail(DateTime now)
    {
        EmailVerifiedAt ??= now;
        EmailVerificationTokenHash = null;
        EmailVerificationExpiresAt = null;
        UpdatedAt = now;
    }

    /// <summary>Changes the name people see.</summary>
    public void Rename(string name, DateTime now)
    {
        Name = name.Trim();
        UpdatedAt = now;
    }

    /// <summary>Replaces the stored hash, for example when the hashing algorithm's parameters were upgraded.</summary>
    public void ChangePasswordHash(string passwordHash, DateTime now)
    {
        PasswordHash = passwordHash;
        UpdatedAt = now;
    }

    /// <summary>The name a deleted account keeps, shown wherever its records name their owner or author.</summary>
    public const string DeletedName = "Deleted user";

    /// <summary>
    /// Turns the account into a tombstone at its holder's request: the records it owns or wrote keep pointing to it,
    /// named <see cref="DeletedName"/>. The address is replaced by one without an <c>@</c> (reset, registration and
    /// invitations refuse it, and it frees the real address for a new account), and the empty password hash matches no
    /// password, as a service account's.
    /// </summary>
    public void Delete(DateTime now)
    {
        var address = $"deleted-user:{Id}";
        Email = address;
        NormalizedEmail = address;
        Name = DeletedName;
        PasswordHash = string.Empty;
        EmailVerifiedAt = null;
        EmailVerificationTokenHash = null;
        EmailVerificationExpiresAt = null;
        UpdatedAt = now;
    }
}
