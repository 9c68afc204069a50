using System.Security.Cryptography;

namespace Crm.Infrastructure.Backups;

/// <summary>The SHA-256 of a file or stream, as lower-case hex.</summary>
public static class Sha256File
{
    public static async Task<string> OfAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, useAsync: true);
        return await OfAsync(file, cancellationToken);
    }

    public static async Task<string> OfAsync(Stream content, CancellationToken cancellationToken) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
}
