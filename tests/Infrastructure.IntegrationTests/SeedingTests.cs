using Crm.Domain.Activities;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Organizations;
using Crm.Domain.Tasks;
using Crm.Domain.Users;
using Crm.Infrastructure.Data;
using Crm.Infrastructure.Identity;
using Crm.Infrastructure.Seeding;
using Crm.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.IntegrationTests;

public sealed class SeedingTests
{
    private static readonly SeedOptions Small = new(Organizations: 2, Users: 5, Contacts: 40, Deals: 60, Tasks: 30, Activities: 200, RandomSeed: 7);

    [Test]
    public async Task The_same_random_seed_gives_the_same_data()
    {
        await using var first = await TestDatabase.CreateAsync("crm_test_seed_first");
        await using var second = await TestDatabase.CreateAsync("crm_test_seed_second");

        await new BulkSeeder(first.DataSource, new IdentityPasswordHasher()).SeedAsync(Small, null, CancellationToken.None);
        await new BulkSeeder(second.DataSource, new IdentityPasswordHasher()).SeedAsync(Small, null, CancellationToken.None);

        const string Fingerprint = """
            SELECT md5(string_agg(line, '|' ORDER BY line)) FROM (
                SELECT c.name || c.coalesce_email AS line FROM (SELECT name, coalesce(email, '-') AS coalesce_email FROM contacts) c
                UNION ALL SELECT title || amount || currency || status || stage FROM deals
                UNION ALL SELECT email FROM users
                UNION ALL SELECT type || payload::text FROM activities WHERE type <> 'task_created' AND type <> 'task_completed') rows
            """;
        (await first.ScalarAsync<string>(Fingerprint)).ShouldBe(await second.ScalarAsync<string>(Fingerprint));
    }

    [Test]
    public async Task Seeded_data_has_the_counts_asked_for_and_obeys_the_deal_rules()
    {
        await using var database = await TestDatabase.CreateAsync("crm_test_seed_rules");

        var result = await new BulkSeeder(database.DataSource, new IdentityPasswordHasher()).SeedAsync(Small, null, CancellationToken.None);

        result.Users.Count.ShouldBe(10);
        result.Users.Select(u => u.Email).ShouldContain("owner@demo.crm.test");
        (await database.ScalarAsync<long>("SELECT count(*) FROM organizations")).ShouldBe(2);
        (await database.ScalarAsync<long>("SELECT count(*) FROM memberships")).ShouldBe(10);
        (await database.ScalarAsync<long>("SELECT count(*) FROM contacts")).ShouldBe(80);
        (await database.ScalarAsync<long>("SELECT count(*) FROM deals")).ShouldBe(120);
        (await database.ScalarAsync<long>("SELECT count(*) FROM tasks")).ShouldBe(60);
        // One company per five contacts; most contacts work for one, and a deal is made with its contact's company.
        (await database.ScalarAsync<long>("SELECT count(*) FROM companies")).ShouldBe(16);
        foreach (var table in new[] { "contacts", "companies", "deals" })
        {
            (await database.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE cardinality(tags) > 0")).ShouldBeGreaterThan(0, table);
            (await database.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE tag_keys <> (SELECT array_agg(lower(t) ORDER BY n) FROM unnest(tags) WITH ORDINALITY AS u(t, n))")).ShouldBe(0, table);
        }

        (await database.ScalarAsync<long>("SELECT count(*) FROM contacts WHERE company_id IS NOT NULL")).ShouldBeGreaterThan(30);
        (await database.ScalarAsync<long>(
            "SELECT count(*) FROM deals d JOIN contacts c ON c.id = d.contact_id WHERE d.company_id IS DISTINCT FROM c.company_id")).ShouldBe(0);
        // Each deal's own history is kept whole; comments fill the timelines up to the number asked for.
        (await database.ScalarAsync<long>("SELECT count(*) FROM activities")).ShouldBeGreaterThanOrEqualTo(400);
        (await database.ScalarAsync<long>("SELECT count(*) FROM activities GROUP BY organization_id ORDER BY 1 LIMIT 1")).ShouldBeGreaterThanOrEqualTo(200);
        (await database.ScalarAsync<long>("SELECT count(*) FROM deals WHERE status = 'won' AND amount <= 0")).ShouldBe(0);
        (await database.ScalarAsync<long>("SELECT count(DISTINCT status) FROM deals")).ShouldBe(4);
        (await database.ScalarAsync<long>(
            "SELECT count(*) FROM deals d WHERE NOT EXISTS (SELECT 1 FROM activities a WHERE a.deal_id = d.id AND a.type = 'system')")).ShouldBe(0);
        (await database.ScalarAsync<long>(
            "SELECT count(*) FROM deals d WHERE d.status <> 'new' AND NOT EXISTS (SELECT 1 FROM activities a WHERE a.deal_id = d.id AND a.type = 'status_changed')")).ShouldBe(0);
        (await database.ScalarAsync<long>("SELECT count(*) FROM tasks WHERE due_date < created_at::date")).ShouldBe(0);
    }

    [Test]
    public async Task Appending_continues_the_numbering_of_organizations()
    {
        await using var database = await TestDatabase.CreateAsync("crm_test_seed_append");
        var seeder = new BulkSeeder(database.DataSource, new IdentityPasswordHasher());
        await seeder.SeedAsync(new SeedOptions(Contacts: 1, Deals: 1, Tasks: 0, Activities: 0), null, CancellationToken.None);

        (await seeder.DatabaseIsEmptyAsync(CancellationToken.None)).ShouldBeFalse();
        var appended = await seeder.SeedAsync(new SeedOptions(Users: 1, Contacts: 1, Deals: 1, Tasks: 0, Activities: 0), null, CancellationToken.None);

        appended.Users.ShouldHaveSingleItem().Email.ShouldBe("owner@org2.demo.crm.test");
        (await database.ScalarAsync<long>("SELECT count(*) FROM organizations")).ShouldBe(2);
    }

    [TestCase(typeof(User), "users")]
    [TestCase(typeof(Organization), "organizations")]
    [TestCase(typeof(Membership), "memberships")]
    [TestCase(typeof(Contact), "contacts")]
    [TestCase(typeof(Deal), "deals")]
    [TestCase(typeof(DealTask), "tasks")]
    [TestCase(typeof(Activity), "activities")]
    public async Task The_seeder_copies_every_column_the_database_does_not_generate(Type entity, string table)
    {
        await using var database = await TestDatabase.CreateAsync($"crm_test_seed_columns_{table}");
        await using var db = new CrmDbContext(new DbContextOptionsBuilder<CrmDbContext>().UseNpgsql(database.DataSource).Options);
        await using var command = database.DataSource.CreateCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_name = $1 AND is_generated = 'NEVER'");
        command.Parameters.AddWithValue(table);
        var columns = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add($"\"{reader.GetString(0)}\"");
            }
        }

        var statement = CopyTable.For(db.Model.FindEntityType(entity)!).Statement;

        statement.ShouldStartWith($"COPY \"{table}\" (");
        var copied = statement[(statement.IndexOf('(', StringComparison.Ordinal) + 1)..statement.IndexOf(')', StringComparison.Ordinal)];
        copied.Split(", ").Order(StringComparer.Ordinal).ShouldBe(columns.Order(StringComparer.Ordinal));
    }
}
