using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.Application;
using Crm.Infrastructure;
using Crm.Infrastructure.Configuration;
using Crm.Infrastructure.Data;
using Crm.Infrastructure.Notifications.Live;
using Crm.Infrastructure.Telemetry;
using Crm.WebApi.Endpoints;
using Crm.WebApi.Http;
using Crm.WebApi.OpenApi;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Crm.WebApi;

/// <summary>Composes the service: what every command (serve, migrate, seed) shares, and the HTTP pipeline.</summary>
public static class CrmHost
{
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        // Settings files sit beside the executable, wherever it is started from (tests name their own root).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase))
                ? null
                : AppContext.BaseDirectory,

            // NSwag's build-time generator (its launcher) starts the host on a server that never listens; it needs no
            // real secrets, so it runs as Development and takes the development token key.
            EnvironmentName = IsBuildTimeDocumentGeneration ? Environments.Development : null,
        });
        var services = builder.Services;
        services.AddApplication();
        services.AddInfrastructure();
        services.AddTokenAuthentication();
        services.AddAuthorization();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>(); // before the framework's, which it replaces
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Complete);
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        CrmRateLimiting.AddTo(services);
        TrustedProxies.AddTo(services);
        CrossOriginAccess.AddTo(services);
        services.AddHsts(o => o.MaxAge = builder.Configuration.GetValue("Https:HstsMaxAge", TimeSpan.FromDays(365)));
        services.AddNotificationHub(builder.Configuration).AddJsonProtocol(o => ConfigureJson(o.PayloadSerializerOptions));
        services.AddCrmOpenApi();
        // On SIGTERM: stop accepting, let in-flight requests finish for up to this long, then stop the workers.
        var shutdownTimeout = builder.Configuration.GetValue("Shutdown:Timeout", TimeSpan.FromSeconds(30));
        services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdownTimeout);
        CrmTelemetry.AddTo(services, builder.Configuration);
        services.AddHealthChecks()
            .AddDbContextCheck<CrmDbContext>("database", tags: ["ready"])
            .AddCheck<CacheHealthCheck>("cache", tags: ["ready"])
            .AddCheck<JobsHealthCheck>("jobs", tags: ["ready"])
            .AddCheck<DatabasePoolHealthCheck>("database_pool", tags: ["ready"])
            .AddCheck<DiskSpaceHealthCheck>("disk", tags: ["ready"]);
        services.AddCheckedOptions<ReadinessOptions>(ReadinessOptions.Section);
        services.AddSingleton<DatabasePoolHealthCheck>();
        if (IsBuildTimeDocumentGeneration)
        {
            // The document generator needs the endpoints only: no background job, no database, no settings to check.
            services.RemoveAll<IHostedService>();
            services.RemoveAll<IStartupValidator>();
        }

        return builder;
    }

    private static bool IsBuildTimeDocumentGeneration =>
        System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name == "NSwag.AspNetCore.Launcher";

    /// <summary>How deeply a JSON body may nest; no request of the API needs more than a few levels.</summary>
    public const int MaxJsonDepth = 32;

    /// <summary>The API's JSON: snake_case names and enum values, numbers only as numbers.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        // The strict converter reads and writes; the framework's stays for the OpenAPI generator, which reads it.
        options.Converters.Add(new StrictEnumConverterFactory());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.NumberHandling = JsonNumberHandling.Strict;
        options.MaxDepth = MaxJsonDepth;
        options.Converters.Add(new OptionalJsonConverterFactory());
    }

    public static WebApplication BuildApp(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        // Before anything below reads a setting: a configuration that cannot work stops here, every problem named.
        // (The build-time document generator never serves: it runs without a database.)
        if (!IsBuildTimeDocumentGeneration)
        {
            ConfigurationCheck.ThrowIfInvalid(app.Services);
        }
        TrustedProxies.Use(app);
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();

        // HSTS is sent on HTTPS requests only (directly or through a trusted proxy); redirecting is for a service that
        // terminates TLS itself.
        if (app.Configuration.GetValue("Https:Hsts", !app.Environment.IsDevelopment()))
        {
            app.UseHsts();
        }

        if (app.Configuration.GetValue("Https:Redirect", false))
        {
            app.UseHttpsRedirection();
        }

        app.UseCors();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<ResponseCompressionMiddleware>();
        app.UseMiddleware<RequestBodyLimit>();
        app.UseMiddleware<QueryTextCheck>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<RequestContextMiddleware>();
        app.UseRateLimiter();
        app.Use(app.Services.GetRequiredService<CrmRateLimiting>().AddHeaders);
        app.UseMiddleware<IdempotencyMiddleware>();

        app.MapAuthEndpoints();
        app.MapOrganizationEndpoints();
        app.MapInvitationEndpoints();
        app.MapContactEndpoints();
        app.MapCompanyEndpoints();
        app.MapActivityEndpoints();
        app.MapTagEndpoints();
        app.MapCustomFieldEndpoints();
        app.MapDealEndpoints();
        app.MapTaskEndpoints();
        app.MapAnalyticsEndpoints();
        app.MapAuditLogEndpoints();
        app.MapSuppressionEndpoints();
        app.MapSearchEndpoints();
        app.MapAdminEndpoints();
        app.MapAttachmentEndpoints();
        app.MapApiKeyEndpoints();
        app.MapWebhookEndpoints();
        app.MapChangeEndpoints();
        app.MapExportEndpoints();
        app.MapNotificationEndpoints();
        app.MapHub<NotificationHub>(NotificationHub.Path, o => o.CloseOnAuthenticationExpiration = true);
        app.MapImportEndpoints();
        app.MapCrmOpenApi();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"),
            ResponseWriter = ReadinessReport.WriteAsync,
        });
        return app;
    }
}
