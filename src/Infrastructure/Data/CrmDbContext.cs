using System.Linq.Expressions;
using Crm.Application.Common.Security;
using Crm.Domain.Activities;
using Crm.Domain.Auditing;
using Crm.Domain.Common;
using Crm.Domain.Companies;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Organizations;
using Crm.Domain.Sessions;
using Crm.Domain.Tasks;
using Crm.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace Crm.Infrastructure.Data;

public sealed class CrmDbContext(DbContextOptions<CrmDbContext> options, IRequestContext? requestContext = null)
    : DbContext(options)
{
    public DbSet<User> Users => Set<User>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<UserSession> Sessions => Set<UserSession>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Company> Companies => Set<Company>();

    public DbSet<Deal> Deals => Set<Deal>();

    public DbSet<DealTask> Tasks => Set<DealTask>();

    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<AuditEntry> AuditLogs => Set<AuditEntry>();

    /// <summary>The organization of the request this context serves; null outside a tenant's request.</summary>
    public Guid? TenantId => requestContext?.OrganizationId;

    // Here rather than where the context is registered, so that every creator of the context (the service, the
    // migrator, the design-time tools, tests) sees the same names. Keys, foreign keys and checks that the first,
    // hand-written schema left to PostgreSQL to name (users_pkey, contacts_owner_id_fkey, deals_amount_check) keep
    // those names in the configurations, so that new and upgraded databases are alike.
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.UseSnakeCaseNamingConvention();

    // Every index is declared in the configurations, where its columns serve a query; EF's automatic index per
    // foreign key would duplicate the ones that lead with the key's columns, and slow writes with the others.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Conventions.Remove<ForeignKeyIndexConvention>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Trigram similarity and accent folding for search; their functions are used by the migrations' SQL.
        modelBuilder.HasPostgresExtension("pg_trgm").HasPostgresExtension("unaccent");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CrmDbContext).Assembly);
        modelBuilder.HasDbFunction(typeof(CrmDbFunctions).GetMethod(nameof(CrmDbFunctions.Unaccent))!)
            .HasName("crm_unaccent");
        modelBuilder.HasDbFunction(typeof(CrmDbFunctions).GetMethod(nameof(CrmDbFunctions.JsonValue))!)
            .HasName("jsonb_extract_path").IsBuiltIn().HasStoreType("jsonb");

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            // The second wall of tenancy: a tenant's request never reads another organization's records,
            // whatever its handler asks for.
            if (typeof(ITenantOwned).IsAssignableFrom(entity.ClrType))
            {
                entity.SetQueryFilter(TenantFilter(entity.ClrType));
            }
        }
    }

    private LambdaExpression TenantFilter(Type entityType)
    {
        var record = Expression.Parameter(entityType, "record");
        var organizationId = Expression.Convert(
            Expression.Property(record, nameof(ITenantOwned.OrganizationId)), typeof(Guid?));
        var tenant = Expression.Property(Expression.Constant(this), nameof(TenantId));
        return Expression.Lambda(Expression.Equal(organizationId, tenant), record);
    }
}
