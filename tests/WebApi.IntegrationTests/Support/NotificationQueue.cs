using System.Net;
using System.Text.Json.Nodes;
using Crm.Application.Notifications.Common;
using Crm.Infrastructure.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crm.WebApi.IntegrationTests.Support;

/// <summary>Runs the notification work of the shared test host when a test chooses, with the host's clock or its own.</summary>
public static class NotificationQueue
{
    /// <summary>Makes every queued notification.</summary>
    public static async Task ProcessAsync()
    {
        var processor = Testing.Factory.Services.GetRequiredService<NotificationProcessor>();
        while (await processor.ProcessBatchAsync(CancellationToken.None) > 0)
        {
        }
    }

    /// <summary>Makes what is queued (the invitations that built a team), then forgets every notification made so far.</summary>
    public static async Task StartEmptyAsync()
    {
        await ProcessAsync();
        await Testing.Database.ScalarAsync<int>("DELETE FROM notifications");
    }

    internal static NotificationProcessor Processor(TimeProvider time) => new(
        Testing.Factory.Services.GetRequiredService<IServiceScopeFactory>(),
        Testing.Factory.Services.GetRequiredService<INotificationDelivery>(),
        Testing.Factory.Services.GetRequiredService<IOptionsMonitor<NotificationOptions>>(),
        time);

    internal static NotificationEmailer Emailer(TimeProvider time) => new(
        Testing.Factory.Services.GetRequiredService<IServiceScopeFactory>(),
        Testing.Factory.Services.GetRequiredService<IOptionsMonitor<NotificationOptions>>(),
        time);

    internal static TaskReminders Reminders(TimeProvider time) => new(
        Testing.Factory.Services.GetRequiredService<IServiceScopeFactory>(),
        Testing.Factory.Services.GetRequiredService<IOptionsMonitor<NotificationOptions>>(),
        time);

    /// <summary>The notifications an account sees, in all its organizations (newest first).</summary>
    public static async Task<List<JsonNode>> OfAsync(Api api, Account account, string query = "")
    {
        var reply = await api.As(account).InOrganization(null).GetAsync($"/api/v1/notifications{query}");
        reply.Status.ShouldBe(HttpStatusCode.OK, reply.Text);
        return [.. reply.Json["items"]!.AsArray().Select(n => n!)];
    }

    /// <summary>The types of an account's notifications, newest first.</summary>
    public static async Task<List<string>> TypesOfAsync(Api api, Account account) =>
        [.. (await OfAsync(api, account)).Select(n => (string)n["type"]!)];
}
