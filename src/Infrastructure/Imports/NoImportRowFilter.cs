using Npgsql;

namespace Crm.Infrastructure.Imports;

/// <summary>Holds no row back: the organization keeps no list of addresses to skip.</summary>
internal sealed class NoImportRowFilter : IImportRowFilter
{
    public Task ExcludeAsync(NpgsqlConnection connection, Guid organizationId, CancellationToken cancellationToken) => Task.CompletedTask;
}
