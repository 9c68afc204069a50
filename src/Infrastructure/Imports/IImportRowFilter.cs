using Npgsql;

namespace Crm.Infrastructure.Imports;

/// <summary>
/// The one place rows are held back for reasons of the organization's own (an address it must not hold again): given
/// the chunk's staged rows (<c>import_contacts</c>, in the chunk's transaction), it marks the ones to skip by setting
/// their <c>failed_code</c> and <c>failed_detail</c>.
/// </summary>
internal interface IImportRowFilter
{
    Task ExcludeAsync(NpgsqlConnection connection, Guid organizationId, CancellationToken cancellationToken);
}
