namespace Crm.Application.Common.Interfaces;

/// <summary>
/// Encrypts secrets that must be read back (authenticator secrets) with the service's encryption keys, bound to
/// their owner: a ciphertext copied onto another owner's row does not decrypt.
/// </summary>
public interface ISecretProtector
{
    byte[] Protect(byte[] secret, Guid ownerId);

    /// <summary>The secret; throws when the ciphertext was altered, belongs to another owner or its key is gone.</summary>
    byte[] Unprotect(byte[] ciphertext, Guid ownerId);
}
