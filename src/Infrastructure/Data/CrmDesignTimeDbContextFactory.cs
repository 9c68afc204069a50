using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Crm.Infrastructure.Data;

/// <summary>
/// The context as <c>dotnet ef</c> sees it: adding a migration compares the model with the last snapshot and needs
/// neither a database nor the web host.
/// </summary>
public sealed class CrmDesignTimeDbContextFactory : IDesignTimeDbContextFactory<CrmDbContext>
{
    public CrmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CrmDbContext>().UseNpgsql("Host=localhost;Database=crm").Options);
}
