namespace Crm.Infrastructure.Backups;

/// <summary>The storage keys a backup accepts: ids and slashes only, so a manifest cannot point outside its folder.</summary>
public static class StorageKey
{
    public static bool IsValid(string key) =>
        key.Length is > 0 and <= 512 && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '/')
        && !key.StartsWith('/') && !key.Contains("//", StringComparison.Ordinal);
}
