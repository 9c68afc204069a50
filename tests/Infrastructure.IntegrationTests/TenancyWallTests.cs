using Ardalis.Specification;
using Crm.Application.Common.Security;
using Crm.Application.Organizations.Common;
using Crm.Domain.Contacts;
using Crm.Domain.Organizations;
using Crm.Domain.Users;
using Crm.Infrastructure.Data;
using Crm.Infrastructure.Data.Interceptors;
using Crm.Infrastructure.Data.Specifications;
using Crm.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Crm.Infrastructure.IntegrationTests;

public sealed class TenancyWallTests
{
    private TestDatabase _database = null!;
    private (Guid Organization, Actor Owner, Contact Contact) _first;
    private (Guid Organization, Actor Owner, Contact Contact) _second;

    [OneTimeSetUp]
    public async Task TwoOrganizationsWithAContactEach()
    {
        _database = await TestDatabase.CreateAsync("crm_test_tenancy_walls");
        await using var db = Context(tenant: null);
        _first = AddOrganization(db, "first");
        _second = AddOrganization(db, "second");
        await db.SaveChangesAsync();
    }

    [OneTimeTearDown]
    public async Task DropConnections() => await _database.DisposeAsync();

    [Test]
    public async Task A_tenants_context_never_reads_another_organizations_records_even_by_id()
    {
        await using var db = Context(_first.Organization);

        (await db.Contacts.FirstOrDefaultAsync(c => c.Id == _second.Contact.Id)).ShouldBeNull();
        (await db.Contacts.Select(c => c.Id).ToListAsync()).ShouldBe([_first.Contact.Id]);
    }

    [Test]
    public async Task A_context_outside_any_tenant_reads_no_tenant_records()
    {
        await using var db = Context(tenant: null);

        (await db.Contacts.CountAsync()).ShouldBe(0);
        (await db.Contacts.IgnoreQueryFilters().CountAsync()).ShouldBeGreaterThanOrEqualTo(2);
    }

    [Test]
    public async Task A_specification_reads_through_the_tenancy_filter_and_cannot_lift_it()
    {
        await using var db = Context(_first.Organization);

        (await SpecificationQuery.Apply(db.Contacts, new AllContacts(lift: false)).Select(c => c.Id).ToListAsync())
            .ShouldBe([_first.Contact.Id]);
        Should.Throw<NotSupportedException>(() => SpecificationQuery.Apply(db.Contacts, new AllContacts(lift: true)));
    }

    [Test]
    public async Task A_specification_includes_an_aggregates_children_and_tracks_unless_told_not_to()
    {
        await using var db = Context(_first.Organization);

        var organization = await SpecificationQuery.Apply(db.Organizations, new OrganizationWithMembersSpecification(_first.Organization))
            .SingleAsync();

        organization.Memberships.ShouldHaveSingleItem().Role.ShouldBe(MemberRole.Owner);
        db.Entry(organization).State.ShouldBe(EntityState.Unchanged);
        var untracked = await SpecificationQuery.Apply(db.Contacts, new AllContacts(lift: false)).SingleAsync();
        db.Entry(untracked).State.ShouldBe(EntityState.Detached);
    }

    [Test]
    public async Task A_tenants_context_refuses_to_write_another_organizations_record()
    {
        await using var db = Context(_first.Organization);
        var planted = Contact.Create(_second.Organization, _first.Owner, null, "Planted", null, null, DateTime.UtcNow);
        db.Contacts.Add(planted);

        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        (await _database.ScalarAsync<long>($"SELECT count(*) FROM contacts WHERE id = '{planted.Id}'")).ShouldBe(0);
    }

    [Test]
    public async Task The_database_refuses_a_deal_of_one_organization_with_another_organizations_contact()
    {
        var insert = $"""
            INSERT INTO deals (id, organization_id, contact_id, owner_id, title, amount, currency, status, stage, created_at, updated_at, stage_changed_at)
            VALUES ('{Guid.CreateVersion7()}', '{_first.Organization}', '{_second.Contact.Id}', '{_first.Owner.UserId}',
                    'Cross', 0, 'USD', 'new', 'qualification', now(), now(), now())
            """;
        await using var command = _database.DataSource.CreateCommand(insert);

        var error = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        error.SqlState.ShouldBe(PostgresErrorCodes.ForeignKeyViolation);
        error.ConstraintName.ShouldBe("fk_deals_contact");
    }

    [Test]
    public async Task The_database_refuses_a_closed_stage_without_an_outcome()
    {
        var insert = $"""
            INSERT INTO deals (id, organization_id, contact_id, owner_id, title, amount, currency, status, stage, created_at, updated_at, stage_changed_at)
            VALUES ('{Guid.CreateVersion7()}', '{_first.Organization}', '{_first.Contact.Id}', '{_first.Owner.UserId}',
                    'Inconsistent', 0, 'USD', 'in_progress', 'closed', now(), now(), now())
            """;
        await using var command = _database.DataSource.CreateCommand(insert);

        (await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync())).SqlState.ShouldBe(PostgresErrorCodes.CheckViolation);
    }

    /// <summary>Every contact the context may read, untracked; <c>lift</c> asks to lift the query filters.</summary>
    private sealed class AllContacts : Specification<Contact>
    {
        public AllContacts(bool lift)
        {
            Query.AsNoTracking().OrderBy(c => c.Id);
            if (lift)
            {
                Query.IgnoreQueryFilters();
            }
        }
    }

    private static (Guid, Actor, Contact) AddOrganization(CrmDbContext db, string name)
    {
        var now = DateTime.UtcNow;
        var user = User.Register($"{name}-{Guid.NewGuid():N}@example.com", name, "hash", now);
        var organization = Organization.Create(name, "USD", user.Id, now);
        var owner = new Actor(user.Id, MemberRole.Owner);
        var contact = Contact.Create(organization.Id, owner, null, $"{name}'s contact", null, null, now);
        db.AddRange(user, organization, contact);
        return (organization.Id, owner, contact);
    }

    private CrmDbContext Context(Guid? tenant)
    {
        var context = new RequestContext();
        if (tenant is { } organization)
        {
            context.SetOrganization(organization, MemberRole.Owner);
        }

        var options = new DbContextOptionsBuilder<CrmDbContext>()
            .UseNpgsql(_database.DataSource)
            .AddInterceptors(new TenantGuardInterceptor())
            .Options;
        return new CrmDbContext(options, context);
    }
}
