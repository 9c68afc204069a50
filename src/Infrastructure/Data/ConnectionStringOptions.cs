using Crm.Infrastructure.Configuration;

namespace Crm.Infrastructure.Data;

/// <summary>The <c>ConnectionStrings</c> section: the PostgreSQL database of the service.</summary>
public sealed class ConnectionStringOptions
{
    public const string Section = "ConnectionStrings";

    /// <summary>An Npgsql connection string (<c>Host=...;Database=crm;Username=crm;Password=...</c>).</summary>
    [Secret(PasswordOnly = true)]
    public string? Crm { get; set; }
}
