namespace Crm.Application.Common.Interfaces;

public interface IPasswordHasher
{
    string Hash(string password);

    PasswordCheck Verify(string hash, string password);

    /// <summary>
    /// A valid hash of a password nobody knows, verified when the email is unknown so that a wrong email and a
    /// wrong password take equally long to answer.
    /// </summary>
    string DecoyHash { get; }
}

public enum PasswordCheck
{
    Failed,
    Succeeded,
    /// <summary>Correct, but hashed with weaker parameters than today's: store a new hash.</summary>
    SucceededRehashNeeded,
}
