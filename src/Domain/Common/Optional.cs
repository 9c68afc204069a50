namespace Crm.Domain.Common;

/// <summary>
/// A value that a partial update may or may not set: unset leaves the field as it is, while set to null (for an
/// optional field) clears it.
/// </summary>
public readonly record struct Optional<T>(bool IsSet, T Value)
{
    public static Optional<T> Unset => default;

    public static implicit operator Optional<T>(T value) => new(true, value);

    public override string ToString() => IsSet ? $"{Value}" : "(unset)";
}
