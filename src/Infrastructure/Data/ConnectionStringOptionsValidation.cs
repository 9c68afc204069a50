using Microsoft.Extensions.Options;
using Npgsql;

namespace Crm.Infrastructure.Data;

/// <summary>The database must be named, in a readable Npgsql connection string (its placeholder password is refused by <see cref="Configuration.SettingRules{TOptions}"/>).</summary>
internal sealed class ConnectionStringOptionsValidation : IValidateOptions<ConnectionStringOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectionStringOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Crm))
        {
            return ValidateOptionsResult.Fail(
                "ConnectionStrings:Crm is not configured: set ConnectionStrings__Crm to a PostgreSQL connection string (Host=...;Database=...;Username=...;Password=...).");
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(options.Crm);
        }
        catch (ArgumentException e)
        {
            // The message names the keyword at fault, never the password.
            return ValidateOptionsResult.Fail($"ConnectionStrings:Crm is not a valid PostgreSQL connection string: {e.Message}");
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            return ValidateOptionsResult.Fail("ConnectionStrings:Crm names no Host.");
        }

        return string.IsNullOrWhiteSpace(builder.Database)
            ? ValidateOptionsResult.Fail("ConnectionStrings:Crm names no Database.")
            : ValidateOptionsResult.Success;
    }
}
