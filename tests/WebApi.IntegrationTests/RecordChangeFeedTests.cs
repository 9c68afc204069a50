using System.Net;
using Crm.Infrastructure.Seeding;
using Crm.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Crm.WebApi.IntegrationTests;

/// <summary>The change feed's rows, written by the database in the changes' own transactions, whatever made them.</summary>
public sealed class RecordChangeFeedTests : ApiTest
{
    [Test]
    public async Task Every_change_of_a_contact_deal_or_task_writes_one_row_and_a_deleted_deal_takes_its_tasks_removals()
    {
        var account = await NewApi().RegisterAsync();
        var api = NewApi().As(account);
        var contact = await api.CreateContactAsync();
        (await api.PatchAsync($"/api/v1/contacts/{contact}", new { name = "Renamed" })).Status.ShouldBe(HttpStatusCode.OK);
        var deal = await api.CreateDealAsync(contact);
        var task = await api.CreateTaskAsync(deal);
        (await api.DeleteAsync($"/api/v1/deals/{deal}")).Status.ShouldBe(HttpStatusCode.NoContent);

        var rows = await RowsAsync(account.OrganizationId);
        rows[..4].ShouldBe(
        [
            ("Contact", "Created", contact),
            ("Contact", "Updated", contact),
            ("Deal", "Created", deal),
            ("Task", "Created", task),
        ]);
        rows[4..].ShouldBe([("Task", "Deleted", task), ("Deal", "Deleted", deal)], ignoreOrder: true);
    }

    [Test]
    public async Task A_refused_write_leaves_no_row()
    {
        var account = await NewApi().RegisterAsync();
        var api = NewApi().As(account);
        (await api.PostAsync("/api/v1/contacts", new { name = "A", email = "a@example.com" })).Status.ShouldBe(HttpStatusCode.Created);

        (await api.PostAsync("/api/v1/contacts", new { name = "B", email = "a@example.com" })).Status.ShouldBe(HttpStatusCode.Conflict);

        (await RowsAsync(account.OrganizationId)).Count.ShouldBe(1);
    }

    [Test]
    public async Task Writes_that_bypass_the_unit_of_work_are_recorded_too_and_an_update_that_changes_nothing_is_not()
    {
        var account = await NewApi().RegisterAsync();
        var api = NewApi().As(account);
        var contact = await api.CreateContactAsync();
        var deal = await api.CreateDealAsync(contact);
        var task = await api.CreateTaskAsync(deal);
        var before = (await RowsAsync(account.OrganizationId)).Count;

        // A bulk UPDATE, a no-op UPDATE, then a DELETE whose cascade removes the deal's task.
        await ExecuteAsync($"UPDATE contacts SET name = 'Bulk' WHERE organization_id = '{account.OrganizationId}'");
        await ExecuteAsync($"UPDATE deals SET title = title WHERE id = '{deal}'");
        await ExecuteAsync($"DELETE FROM deals WHERE id = '{deal}'");

        var rows = (await RowsAsync(account.OrganizationId))[before..];
        rows[0].ShouldBe(("Contact", "Updated", contact));
        rows[1..].ShouldBe([("Deal", "Deleted", deal), ("Task", "Deleted", task)], ignoreOrder: true);
    }

    [Test]
    public async Task A_conditional_update_and_a_batch_upsert_are_recorded()
    {
        var account = await NewApi().RegisterAsync();
        var api = NewApi().As(account);
        var contact = await api.CreateContactAsync();
        var etag = (await api.GetAsync($"/api/v1/contacts/{contact}")).Headers.ETag!.ToString();
        (await api.SendAsync(HttpMethod.Patch, $"/api/v1/contacts/{contact}", new { name = "Guarded" }, ("If-Match", etag))).Status.ShouldBe(HttpStatusCode.OK);
        var batch = await api.PostAsync("/api/v1/contacts/batch", new
        {
            match_on = "external_id",
            items = new object[] { new { name = "New", external_id = "x-1" }, new { name = "Other", external_id = "x-2" } },
        });
        batch.Status.ShouldBe(HttpStatusCode.OK, batch.Text);

        var rows = await RowsAsync(account.OrganizationId);
        rows.Count(r => r.Action == "Created").ShouldBe(3);
        rows.ShouldContain(("Contact", "Updated", contact));
    }

    [Test]
    public async Task Records_the_seeder_copies_in_are_recorded_as_created()
    {
        await Testing.Factory.Services.GetRequiredService<BulkSeeder>()
            .SeedAsync(new SeedOptions(Contacts: 4, Deals: 6, Tasks: 3, Activities: 10), null, CancellationToken.None);

        foreach (var (type, table) in new[] { ("Contact", "contacts"), ("Deal", "deals"), ("Task", "tasks") })
        {
            var missing = await Testing.Database.ScalarAsync<long>(
                $"SELECT count(*) FROM {table} r WHERE NOT EXISTS (SELECT 1 FROM record_changes c WHERE c.record_id = r.id AND c.record_type = '{type}' AND c.action = 'Created')");
            missing.ShouldBe(0);
            (await Testing.Database.ScalarAsync<long>($"SELECT count(*) FROM record_changes WHERE record_type = '{type}'"))
                .ShouldBe(await Testing.Database.ScalarAsync<long>($"SELECT count(*) FROM {table}"));
        }
    }

    internal static async Task ExecuteAsync(string sql)
    {
        await using var connection = await Testing.Database.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<(string Type, string Action, Guid Id)>> RowsAsync(Guid organizationId)
    {
        await using var connection = new NpgsqlConnection(Testing.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT record_type, action, record_id, transaction_id::text FROM record_changes WHERE organization_id = @o ORDER BY sequence",
            connection);
        command.Parameters.AddWithValue("o", organizationId);
        var rows = new List<(string, string, Guid)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ulong.Parse(reader.GetString(3), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0UL);
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetGuid(2)));
        }

        return rows;
    }
}
