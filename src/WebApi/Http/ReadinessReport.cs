using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.WebApi.Http;

/// <summary>The readiness answer: the overall status and each dependency's own (database, its connection pool, cache, jobs, free disk space).</summary>
public static class ReadinessReport
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = Name(report.Status),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new
                {
                    status = Name(e.Value.Status),
                    description = e.Value.Description,
                    duration_ms = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                    data = e.Value.Data.Count > 0 ? e.Value.Data : null,
                }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    private static string Name(HealthStatus status) => status.ToString().ToLowerInvariant();
}
