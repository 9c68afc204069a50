namespace Crm.Infrastructure.Configuration;

/// <summary>
/// Marks a setting that must not be shown: <c>check-config</c> prints it masked, and outside Development it may not
/// keep the placeholder of <c>build/deploy/.env.example</c>. With <see cref="PasswordOnly"/> (connection strings) only
/// the password part is masked, so that an operator still sees which server is meant.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute
{
    public bool PasswordOnly { get; init; }
}
