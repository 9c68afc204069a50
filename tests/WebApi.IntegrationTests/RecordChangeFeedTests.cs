using System.Net;
using Crm.WebApi.IntegrationTests.Support;
using Npgsql;

namespace Crm.WebApi.IntegrationTests;

/// <summary>The change feed's rows, as written in the changes' own transactions (the feed's endpoint reads them).</summary>
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

        (await RowsAsync(account.OrganizationId)).ShouldBe(
        [
            ("Contact", "Created", contact),
            ("Contact", "Updated", contact),
            ("Deal", "Created", deal),
            ("Task", "Created", task),
            ("Deal", "Deleted", deal),
            ("Task", "Deleted", task),
        ]);
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
