using Crm.Domain.Activities;
using Crm.Domain.Deals;
using Crm.Domain.Organizations;
using Crm.Infrastructure.Data;
using Crm.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crm.Infrastructure.IntegrationTests;

/// <summary>Databases made by the SQL migrations that preceded EF Core's are adopted in place.</summary>
public sealed class LegacyUpgradeTests
{
    [Test]
    public async Task A_database_made_by_the_SQL_migrations_upgrades_to_the_schema_of_a_new_one()
    {
        await using var fresh = await TestDatabase.CreateAsync("crm_test_schema_fresh");
        await using var old = await TestDatabase.CreateAsync("crm_test_schema_upgraded", migrate: false);
        await LegacyDatabase.CreateAsync(old.DataSource);

        var applied = await Migrator(old).MigrateAsync();

        applied.ShouldBe(DatabaseMigrator.Migrations.Where(id => id != DatabaseMigrator.BaselineMigration));
        await using var db = Context(old);
        (await db.Database.GetAppliedMigrationsAsync()).ShouldBe(DatabaseMigrator.Migrations);
        var upgraded = await SchemaDump.OfAsync(old.ConnectionString);
        upgraded.ShouldContain("CREATE TABLE public.contacts");
        upgraded.ShouldBe(await SchemaDump.OfAsync(fresh.ConnectionString));
    }

    [Test]
    public async Task Upgrading_keeps_every_row_and_EF_reads_them()
    {
        await using var old = await TestDatabase.CreateAsync("crm_test_upgrade_rows", migrate: false);
        await LegacyDatabase.CreateAsync(old.DataSource);
        await using (var insert = old.DataSource.CreateCommand(
            """
            INSERT INTO users VALUES ('00000000-0000-0000-0000-00000000000a', 'Ana@Example.com', 'ana@example.com', 'Ana', 'hash', now(), now());
            INSERT INTO organizations (id, name, default_currency, created_at, updated_at, plan)
                VALUES ('00000000-0000-0000-0000-00000000000b', 'Acme', 'EUR', now(), now(), 'pro');
            INSERT INTO memberships VALUES ('00000000-0000-0000-0000-00000000000b', '00000000-0000-0000-0000-00000000000a', 'owner', now(), now());
            INSERT INTO contacts (id, organization_id, owner_id, name, email, normalized_email, created_at, updated_at)
                VALUES ('00000000-0000-0000-0000-00000000000c', '00000000-0000-0000-0000-00000000000b',
                        '00000000-0000-0000-0000-00000000000a', 'Zoë Ærø', 'zoe@example.com', 'zoe@example.com', now(), now());
            INSERT INTO deals VALUES ('00000000-0000-0000-0000-00000000000d', '00000000-0000-0000-0000-00000000000b',
                '00000000-0000-0000-0000-00000000000c', '00000000-0000-0000-0000-00000000000a', 'Renewal', 1234.50, 'EUR',
                'in_progress', 'proposal', now(), now());
            INSERT INTO tasks (id, organization_id, deal_id, title, created_at, updated_at)
                VALUES ('00000000-0000-0000-0000-00000000000e', '00000000-0000-0000-0000-00000000000b',
                        '00000000-0000-0000-0000-00000000000d', 'Call back', now(), now());
            INSERT INTO activities VALUES ('00000000-0000-0000-0000-00000000000f', '00000000-0000-0000-0000-00000000000b',
                '00000000-0000-0000-0000-00000000000d', '00000000-0000-0000-0000-00000000000a', 'comment', '{"text": "Signed"}', now());
            INSERT INTO audit_logs (id, organization_id, actor_id, action, created_at)
                VALUES ('00000000-0000-0000-0000-000000000010', '00000000-0000-0000-0000-00000000000b',
                        '00000000-0000-0000-0000-00000000000a', 'contact.created', now());
            """))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await Migrator(old).MigrateAsync();
        var again = await Migrator(old).MigrateAsync();

        again.ShouldBeEmpty();
        await using var db = Context(old);
        (await db.Organizations.IgnoreQueryFilters().SingleAsync()).Plan.ShouldBe(OrganizationPlan.Pro);
        (await db.Memberships.IgnoreQueryFilters().SingleAsync()).Role.ShouldBe(MemberRole.Owner);
        (await db.Users.SingleAsync()).NormalizedEmail.ShouldBe("ana@example.com");
        (await db.Contacts.IgnoreQueryFilters().SingleAsync()).Name.ShouldBe("Zoë Ærø");
        var deal = await db.Deals.IgnoreQueryFilters().SingleAsync();
        (deal.Amount, deal.Status, deal.Stage).ShouldBe((1234.50m, DealStatus.InProgress, DealStage.Proposal));
        (await db.Tasks.IgnoreQueryFilters().SingleAsync()).IsDone.ShouldBeFalse();
        (await db.Activities.IgnoreQueryFilters().SingleAsync()).Type.ShouldBe(ActivityType.Comment);
        (await db.AuditLogs.IgnoreQueryFilters().SingleAsync()).Changes.ShouldBe("[]");
        (await old.ScalarAsync<long>("SELECT count(*) FROM contacts WHERE search_vector @@ to_tsquery('crm_search', 'zoe')"))
            .ShouldBe(1);
    }

    [Test]
    public async Task Upgrading_gives_each_deal_its_closing_and_stage_times_from_its_timeline()
    {
        await using var old = await TestDatabase.CreateAsync("crm_test_upgrade_deal_times", migrate: false);
        await LegacyDatabase.CreateAsync(old.DataSource);
        await using (var insert = old.DataSource.CreateCommand(
            """
            INSERT INTO users VALUES ('00000000-0000-0000-0000-00000000000a', 'Ana@Example.com', 'ana@example.com', 'Ana', 'hash', now(), now());
            INSERT INTO organizations (id, name, default_currency, created_at, updated_at, plan)
                VALUES ('00000000-0000-0000-0000-00000000000b', 'Acme', 'EUR', now(), now(), 'pro');
            INSERT INTO contacts (id, organization_id, owner_id, name, created_at, updated_at)
                VALUES ('00000000-0000-0000-0000-00000000000c', '00000000-0000-0000-0000-00000000000b',
                        '00000000-0000-0000-0000-00000000000a', 'Zoë', now(), now());
            INSERT INTO deals VALUES
                ('00000000-0000-0000-0000-0000000000d1', '00000000-0000-0000-0000-00000000000b', '00000000-0000-0000-0000-00000000000c',
                 '00000000-0000-0000-0000-00000000000a', 'Won', 10, 'EUR', 'won', 'closed', '2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z'),
                ('00000000-0000-0000-0000-0000000000d2', '00000000-0000-0000-0000-00000000000b', '00000000-0000-0000-0000-00000000000c',
                 '00000000-0000-0000-0000-00000000000a', 'Open', 10, 'EUR', 'in_progress', 'qualification', '2026-02-01T00:00:00Z', '2026-02-02T00:00:00Z');
            INSERT INTO activities VALUES
                ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-00000000000b', '00000000-0000-0000-0000-0000000000d1',
                 '00000000-0000-0000-0000-00000000000a', 'stage_changed', '{"from": "qualification", "to": "proposal"}', '2026-01-05T00:00:00Z'),
                ('00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-00000000000b', '00000000-0000-0000-0000-0000000000d1',
                 '00000000-0000-0000-0000-00000000000a', 'status_changed', '{"from": "in_progress", "to": "won"}', '2026-01-20T00:00:00Z'),
                ('00000000-0000-0000-0000-0000000000a3', '00000000-0000-0000-0000-00000000000b', '00000000-0000-0000-0000-0000000000d1',
                 '00000000-0000-0000-0000-00000000000a', 'stage_changed', '{"from": "proposal", "to": "closed"}', '2026-01-20T00:00:00Z');
            """))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await Migrator(old).MigrateAsync();

        await using var db = Context(old);
        var deals = await db.Deals.IgnoreQueryFilters().OrderBy(d => d.Title).ToListAsync();
        var (open, won) = (deals[0], deals[1]);
        open.ClosedAt.ShouldBeNull();
        open.StageChangedAt.ShouldBe(new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc));
        won.ClosedAt.ShouldBe(new DateTime(2026, 1, 20, 0, 0, 0, DateTimeKind.Utc));
        won.StageChangedAt.ShouldBe(new DateTime(2026, 1, 20, 0, 0, 0, DateTimeKind.Utc));
        (await old.ScalarAsync<string>(
            "SELECT string_agg(((payload ->> 'from_entered_at')::timestamptz AT TIME ZONE 'UTC')::text, ' ' ORDER BY created_at) FROM activities WHERE type = 'stage_changed'"))
            .ShouldBe("2026-01-01 00:00:00 2026-01-05 00:00:00");
    }

    [Test]
    public async Task Instances_starting_at_once_adopt_an_old_database_once()
    {
        await using var old = await TestDatabase.CreateAsync("crm_test_upgrade_concurrent", migrate: false);
        await LegacyDatabase.CreateAsync(old.DataSource);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Migrator(old).MigrateAsync())));

        results.SelectMany(applied => applied).ShouldBe(
            DatabaseMigrator.Migrations.Where(id => id != DatabaseMigrator.BaselineMigration));
        await using var db = Context(old);
        (await db.Database.GetAppliedMigrationsAsync()).ShouldBe(DatabaseMigrator.Migrations);
    }

    [Test]
    public async Task A_database_the_SQL_migrations_left_half_done_is_refused_untouched()
    {
        await using var old = await TestDatabase.CreateAsync("crm_test_upgrade_partial", migrate: false);
        await LegacyDatabase.CreateAsync(old.DataSource, DatabaseMigrator.LegacyMigrations.SkipLast(1).ToList());

        await Should.ThrowAsync<InvalidOperationException>(() => Migrator(old).MigrateAsync());

        (await old.ScalarAsync<bool>("SELECT to_regclass('\"__EFMigrationsHistory\"') IS NULL")).ShouldBeTrue();
        (await old.ScalarAsync<bool>("SELECT to_regclass('attachments') IS NULL")).ShouldBeTrue();
    }

    private static DatabaseMigrator Migrator(TestDatabase database) =>
        new(database.DataSource, NullLogger<DatabaseMigrator>.Instance);

    private static CrmDbContext Context(TestDatabase database) =>
        new(new DbContextOptionsBuilder<CrmDbContext>().UseNpgsql(database.DataSource).Options);
}
