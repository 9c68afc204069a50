using System.Net;

namespace Crm.WebApi.IntegrationTests.Support;

/// <summary>Creates CRM records through the API, failing the test unless the service answers 201.</summary>
public static class Records
{
    public static async Task<Guid> CreateContactAsync(this Api api, string name = "Ada Lovelace", string? email = null, Guid? ownerId = null)
    {
        var reply = await api.PostAsync("/api/v1/contacts", new { name, email, owner_id = ownerId });
        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        return Guid.Parse((string)reply.Json["id"]!);
    }

    public static async Task<Guid> CreateDealAsync(
        this Api api, Guid? contactId = null, string title = "Deal", decimal? amount = null, string? currency = null, string? stage = null, Guid? ownerId = null)
    {
        contactId ??= await api.CreateContactAsync();
        var reply = await api.PostAsync("/api/v1/deals", new { contact_id = contactId, title, amount, currency, stage, owner_id = ownerId });
        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        return Guid.Parse((string)reply.Json["id"]!);
    }

    public static async Task<Guid> CreateTaskAsync(this Api api, Guid dealId, string title = "Call back", string? dueDate = null)
    {
        var reply = await api.PostAsync("/api/v1/tasks", new { deal_id = dealId, title, due_date = dueDate });
        reply.Status.ShouldBe(HttpStatusCode.Created, reply.Text);
        return Guid.Parse((string)reply.Json["id"]!);
    }

    public static async Task<Reply> PatchDealAsync(this Api api, Guid dealId, object changes) =>
        await api.PatchAsync($"/api/v1/deals/{dealId}", changes);

    /// <summary>The timeline's entry types, newest first.</summary>
    public static async Task<List<string>> TimelineAsync(this Api api, Guid dealId)
    {
        return await api.TimelineTypesAsync($"/api/v1/deals/{dealId}/activities?page_size=100");
    }

    /// <summary>The entry types of a timeline or feed page, newest first.</summary>
    public static async Task<List<string>> TimelineTypesAsync(this Api api, string path)
    {
        var reply = await api.GetAsync(path);
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        return reply.Json["items"]!.AsArray().Select(a => (string)a!["type"]!).ToList();
    }

    public static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");

    public static string DaysFromToday(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd");
}
