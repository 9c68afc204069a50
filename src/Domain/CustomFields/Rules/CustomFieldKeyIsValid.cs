using Crm.Domain.Common;
using Crm.Domain.Errors;

namespace Crm.Domain.CustomFields.Rules;

/// <summary>A key is snake_case: a lower-case letter, then lower-case letters, digits and underscores.</summary>
public sealed record CustomFieldKeyIsValid(string? Key) : IBusinessRule
{
    public const int MaxLength = 50;

    public Error Error => ErrorCatalog.ValidationFailed;

    public string Message => $"key is snake_case: a lower-case letter, then lower-case letters, digits or underscores, at most {MaxLength} characters.";

    public bool IsBroken() => !IsValid(Key);

    public static bool IsValid(string? key) =>
        key is { Length: > 0 and <= MaxLength } && key[0] is >= 'a' and <= 'z'
        && key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');
}
