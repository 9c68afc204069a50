using System.Collections.Frozen;
using System.Reflection;

namespace Crm.Application.Auth.Common;

/// <summary>What a new password must be: long enough, not too long to hash cheaply, and not a common one.</summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;

    /// <summary>Bounds the cost of hashing an attacker-chosen input.</summary>
    public const int MaxLength = 128;

    private static readonly Lazy<FrozenSet<string>> Common = new(LoadCommonPasswords);

    public static bool IsCommon(string? password) => password is not null && Common.Value.Contains(password.Trim());

    private static FrozenSet<string> LoadCommonPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly()
            .GetManifestResourceStream("Crm.Application.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                passwords.Add(line.Trim());
            }
        }

        return passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
