using Crm.Application.Analytics.Reports;
using Crm.Application.Attachments.Common;
using Crm.Application.Auth.Common;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Caching;
using Crm.Application.Common.Email;
using Crm.Application.Common.Files;
using Crm.Application.Common.Interfaces;
using Crm.Application.Common.RateLimiting;
using Crm.Application.Contacts.Commands.EraseContact;
using Crm.Application.CustomFields.Common;
using Crm.Application.Exports.Common;
using Crm.Application.Notifications.Common;
using Crm.Application.Imports.Common;
using Crm.Application.Search.Queries.SearchRecords;
using Crm.Application.Suppressions.Common;
using Crm.Application.Tags.Common;
using Crm.Application.Webhooks.Common;
using Crm.Infrastructure.Auditing;
using Crm.Infrastructure.Caching;
using Crm.Infrastructure.Changes;
using Crm.Infrastructure.Concurrency;
using Crm.Infrastructure.Configuration;
using Crm.Infrastructure.Data;
using Crm.Infrastructure.Data.Interceptors;
using Crm.Infrastructure.Data.Repositories;
using Crm.Infrastructure.Email;
using Crm.Infrastructure.Exports;
using Crm.Infrastructure.Imports;
using Crm.Infrastructure.Idempotency;
using Crm.Infrastructure.Identity;
using Crm.Infrastructure.Jobs;
using Crm.Infrastructure.Notifications;
using Crm.Infrastructure.Notifications.Live;
using Crm.Infrastructure.Privacy;
using Crm.Infrastructure.RateLimiting;
using Crm.Infrastructure.Storage;
using Crm.Infrastructure.Telemetry;
using Crm.Infrastructure.Webhooks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Crm.Infrastructure;

public static class DependencyInjection
{
    /// <summary>PostgreSQL persistence, repositories, password hashing, tokens and the sign-in throttle.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services)
    {
        // Read when first needed, so that hosts (and tests) may supply it after registration; a missing or unreadable
        // connection string fails its validation with one line naming it.
        services.AddCheckedOptions<ConnectionStringOptions>(ConnectionStringOptions.Section);
        services.AddSingleton<IValidateOptions<ConnectionStringOptions>, ConnectionStringOptionsValidation>();
        services.AddSingleton(sp => DataSource(sp.GetRequiredService<IOptions<ConnectionStringOptions>>().Value.Crm!));
        services.AddScoped<ISaveChangesInterceptor, DispatchDomainEventsInterceptor>();
        services.AddScoped<ISaveChangesInterceptor, TenantGuardInterceptor>();
        services.AddScoped<ISaveChangesInterceptor, RecordChangesCacheInterceptor>();
        services.AddScoped<ISaveChangesInterceptor, AuditInterceptor>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<IAuditTrail>(sp => sp.GetRequiredService<AuditTrail>());
        services.AddCheckedOptions<AuditOptions>(AuditOptions.Section);
        services.AddSingleton<AuditRetentionJob>();
        // First of the hosted services, so that it stops last: after the workers, it hands back their leases.
        services.AddSingleton<LeaseLedger>();
        services.AddHostedService<LeaseRelease>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditRetentionJob>());
        services.AddSingleton<PeriodicPurgeJob>(sp => sp.GetRequiredService<AuditRetentionJob>());
        services.AddCheckedOptions<TokenPurgeOptions>(TokenPurgeOptions.Section);
        services.AddSingleton<TokenPurgeJob>();
        services.AddHostedService(sp => sp.GetRequiredService<TokenPurgeJob>());
        services.AddSingleton<PeriodicPurgeJob>(sp => sp.GetRequiredService<TokenPurgeJob>());
        services.AddCheckedOptions<IdempotencyOptions>(IdempotencyOptions.Section);
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<IdempotencyKeyPurgeJob>();
        services.AddHostedService(sp => sp.GetRequiredService<IdempotencyKeyPurgeJob>());
        services.AddSingleton<PeriodicPurgeJob>(sp => sp.GetRequiredService<IdempotencyKeyPurgeJob>());
        services.AddCheckedOptions<ChangeFeedOptions>(ChangeFeedOptions.Section);
        services.AddSingleton<ChangeFeedRetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<ChangeFeedRetentionJob>());
        services.AddSingleton<PeriodicPurgeJob>(sp => sp.GetRequiredService<ChangeFeedRetentionJob>());
        services.AddDbContext<CrmDbContext>((sp, options) => options
            .UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>(), npgsql => npgsql.EnableRetryOnFailure(3))
            .AddInterceptors(sp.GetServices<ISaveChangesInterceptor>()));
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped<IOrganizationLock, OrganizationLock>();
        services.AddScoped<IReadStore, ReadStore>();
        services.AddScoped(typeof(IRepository<>), typeof(EfRepository<>));
        services.AddScoped<IContactSearch, ContactSearch>();
        services.AddScoped<ICompanySearch, CompanySearch>();
        services.AddScoped<ITagCounts, TagCounts>();
        services.AddScoped<IDealReports, DealReports>();
        services.AddScoped<ICustomFieldStore, CustomFieldStore>();
        services.AddCheckedOptions<PrivacyOptions>(PrivacyOptions.Section);
        services.AddSingleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidation>();
        services.AddCheckedOptions<TelemetryOptions>(TelemetryOptions.Section);
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidation>();
        services.AddSingleton<SuppressionKey>();
        services.AddScoped<ISuppressionList, SuppressionList>();
        services.AddScoped<IErasedContactTraces, ErasedContactTraces>();
        services.AddSingleton<ICustomFieldFilters, CustomFieldFilters>();
        services.AddSingleton<ISearchIndex, Search.PostgresSearchIndex>();
        services.AddScoped<RequestContextResolver>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<Seeding.BulkSeeder>();
        services.AddScoped<Operations.OrganizationOperator>();
        services.AddCheckedOptions<Backups.BackupOptions>(Backups.BackupOptions.Section);
        services.AddSingleton<Backups.PostgresTools>();
        services.AddScoped<Backups.BackupSnapshot>();
        services.AddScoped<Backups.BackupWriter>();
        services.AddSingleton<Backups.BackupVerifier>();
        services.AddSingleton<Backups.BackupRestorer>();

        services.AddCheckedOptions<FilesOptions>(FilesOptions.Section);
        services.AddCheckedOptions<StorageOptions>(StorageOptions.Section);
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidation>();
        services.AddScoped<IStorageUsage, StorageUsage>();
        services.AddSingleton<LocalFileStorage>();
        services.AddSingleton<S3FileStorage>();
        services.AddSingleton<IFileStorage>(sp => new ResilientFileStorage(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.Storage == "s3"
                ? sp.GetRequiredService<S3FileStorage>()
                : sp.GetRequiredService<LocalFileStorage>(),
            sp.GetRequiredService<IOptions<StorageOptions>>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ResilientFileStorage>>()));
        services.AddCheckedOptions<EmailOptions>(EmailOptions.Section);
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidation>();
        services.AddSingleton<EmailTemplates>();
        services.AddScoped<IEmailOutbox, EmailOutbox>();
        services.AddSingleton<IEmailLinks, EmailLinks>();
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddSingleton<IOutboxStore, PostgresOutboxStore>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());

        services.AddCheckedOptions<WebhookOptions>(WebhookOptions.Section);
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidation>();
        services.AddSingleton<IWebhookTargetPolicy, WebhookTargetPolicy>();
        services.AddScoped<IWebhookOutbox, WebhookOutbox>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookDeliveryStore>();
        services.AddSingleton<FailingWebhookDeactivator>();
        services.AddSingleton<WebhookDispatchSignal>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.AddSingleton<WebhookDeliveryPurgeJob>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDeliveryPurgeJob>());
        services.AddSingleton<PeriodicPurgeJob>(sp => sp.GetRequiredService<WebhookDeliveryPurgeJob>());

        services.AddCheckedOptions<ExportOptions>(ExportOptions.Section);
        services.AddScoped<IExportNames, ExportNames>();
        services.AddSingleton<ExportJobStore>();
        services.AddSingleton<ExportSignal>();
        services.AddSingleton<IExportSignal>(sp => sp.GetRequiredService<ExportSignal>());
        services.AddSingleton<ExportRunner>();
        services.AddSingleton<IExportRunner>(sp => sp.GetRequiredService<ExportRunner>());
        services.AddHostedService(sp => sp.GetRequiredService<ExportRunner>());
        services.AddSingleton<IOrganizationExporter, OrganizationExporter>();
        services.AddSingleton<ExportPurgeJob>();
        services.AddHostedService(sp => sp.GetRequiredService<ExportPurgeJob>());
        services.AddSingleton<PeriodicPurgeJob>(sp => sp.GetRequiredService<ExportPurgeJob>());

        services.AddCheckedOptions<NotificationOptions>(NotificationOptions.Section);
        services.AddScoped<INotificationOutbox, NotificationOutbox>();
        services.AddScoped<INotificationStore, NotificationStore>();
        services.AddCheckedOptions<LiveNotificationOptions>(LiveNotificationOptions.Section);
        services.AddSingleton<LiveConnections>();
        services.AddSingleton<UnreadCounts>();
        services.AddSingleton<NotificationFeed>();
        services.AddSingleton<INotificationDelivery, LiveNotificationDelivery>();
        services.AddSingleton<LiveSessionWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveSessionWatch>());
        services.AddSingleton<NotificationSignal>();
        services.AddSingleton<NotificationProcessor>();
        services.AddSingleton<NotificationEmailer>();
        services.AddSingleton<TaskReminders>();
        services.AddHostedService<NotificationWorker>();
        services.AddSingleton<NotificationPurgeJob>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationPurgeJob>());
        services.AddSingleton<PeriodicPurgeJob>(sp => sp.GetRequiredService<NotificationPurgeJob>());
        services.AddCheckedOptions<ImportOptions>(ImportOptions.Section);
        services.AddSingleton<IImportFileInspector, ImportFileInspector>();
        services.AddSingleton<IImportErrorsFile, ImportErrorsFile>();
        services.AddSingleton<IImportRowFilter, SuppressedImportRowFilter>();
        services.AddScoped<IImportReverter, ImportReverter>();
        services.AddSingleton<ImportJobStore>();
        services.AddSingleton<ImportSignal>();
        services.AddSingleton<IImportSignal>(sp => sp.GetRequiredService<ImportSignal>());
        services.AddSingleton<ImportRunner>();
        services.AddSingleton<IImportRunner>(sp => sp.GetRequiredService<ImportRunner>());
        services.AddHostedService(sp => sp.GetRequiredService<ImportRunner>());
        services.AddSingleton<ImportPurgeJob>();
        services.AddHostedService(sp => sp.GetRequiredService<ImportPurgeJob>());
        services.AddSingleton<PeriodicPurgeJob>(sp => sp.GetRequiredService<ImportPurgeJob>());

        services.AddSingleton<IPasswordHasher, IdentityPasswordHasher>();
        services.AddMemoryCache();
        services.AddCheckedOptions<CachingOptions>(CachingOptions.Section);
        services.AddCheckedOptions<CacheStoreOptions>(CacheStoreOptions.Section);
        services.AddSingleton<IValidateOptions<CacheStoreOptions>, CacheStoreOptionsValidation>();
        services.AddSingleton<RedisConnection>();
        services.AddSingleton<PostgresVersionedCacheStore>();
        services.AddSingleton<RedisCacheStore>();
        services.AddSingleton<ICacheStore>(sp => new ResilientCacheStore(
            !sp.GetRequiredService<IOptions<CacheStoreOptions>>().Value.UsesRedis
                ? sp.GetRequiredService<PostgresVersionedCacheStore>()
                : sp.GetRequiredService<RedisCacheStore>(),
            sp.GetRequiredService<IOptions<CacheStoreOptions>>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ResilientCacheStore>>()));
        services.AddCheckedOptions<LoginThrottleOptions>(LoginThrottleOptions.Section);
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<RedisLoginThrottle>();
        services.AddSingleton<ILoginThrottle>(sp =>
            !sp.GetRequiredService<IOptions<CacheStoreOptions>>().Value.UsesRedis
                ? sp.GetRequiredService<LoginThrottle>()
                : sp.GetRequiredService<RedisLoginThrottle>());
        services.AddCheckedOptions<RateLimitOptions>(RateLimitOptions.Section);
        services.AddSingleton<KeyedRateLimiter>();
        services.AddSingleton<RedisKeyedRateLimiter>();
        services.AddSingleton<IKeyedRateLimiter>(sp =>
            !sp.GetRequiredService<IOptions<CacheStoreOptions>>().Value.UsesRedis
                ? sp.GetRequiredService<KeyedRateLimiter>()
                : sp.GetRequiredService<RedisKeyedRateLimiter>());
        services.AddSingleton<PasswordResetQueue>();
        services.AddSingleton<IPasswordResetRequests>(sp => sp.GetRequiredService<PasswordResetQueue>());
        services.AddHostedService<PasswordResetWorker>();

        services.AddCheckedOptions<TokenOptions>(TokenOptions.Section);
        services.AddSingleton<TokenOptionsSetup>();
        services.AddSingleton<IPostConfigureOptions<TokenOptions>>(sp => sp.GetRequiredService<TokenOptionsSetup>());
        services.AddSingleton<IValidateOptions<TokenOptions>>(sp => sp.GetRequiredService<TokenOptionsSetup>());
        services.AddSingleton<AccessTokenKeys>();
        services.AddSingleton<ITokenIssuer, TokenIssuer>();
        services.AddSingleton<ISecretProtector, AesGcmSecretProtector>();
        services.AddSingleton<EntityTagCipher>();
        services.AddSingleton<ITotp, OtpNetTotp>();
        return services;
    }

    /// <summary>The JwtBearer handler, validating the JWTs that <see cref="TokenIssuer"/> issues.</summary>
    /// <summary>The default authentication scheme: forwards to the access token or the API key handler.</summary>
    public const string CrmAuthenticationScheme = "Crm";

    public static IServiceCollection AddTokenAuthentication(this IServiceCollection services)
    {
        // One default scheme that hands each request to the handler of what it presents: an API key (crm_…, in
        // Authorization or X-Api-Key) or an access token. Authorization and the request context work alike for both.
        services.AddAuthentication(CrmAuthenticationScheme)
            .AddPolicyScheme(CrmAuthenticationScheme, "Access token or API key", o => o.ForwardDefaultSelector = http =>
                ApiKeyAuthenticationHandler.PresentsKey(http.Request)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

        // Nothing uses the framework's Data Protection key ring, so it stays in memory instead of being written to
        // the user profile.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<AccessTokenKeys>((bearer, keys) =>
            {
                // Keys come from configuration, never from a metadata address; claims keep their JWT names.
                bearer.MapInboundClaims = false;
                bearer.RequireHttpsMetadata = false;
                bearer.TokenValidationParameters = keys.ValidationParameters();
                bearer.Events = new JwtBearerEvents { OnMessageReceived = LiveAccessToken.ReadFromQuery };
                foreach (var handler in bearer.TokenHandlers.OfType<TokenHandler>())
                {
                    handler.MaximumTokenSizeInBytes = AccessTokenKeys.MaxTokenLength;
                }
            });
        return services;
    }

    /// <summary>
    /// The notification hub's SignalR: with <c>Caching:Redis</c> set, its messages travel through Redis to the connections
    /// of every instance; without it, each instance reaches only its own connections.
    /// </summary>
    public static ISignalRServerBuilder AddNotificationHub(this IServiceCollection services, IConfiguration configuration)
    {
        var signalR = services.AddSignalR();
        var redis = configuration[$"{CacheStoreOptions.Section}:{nameof(CacheStoreOptions.Redis)}"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            var prefix = configuration[$"{CacheStoreOptions.Section}:{nameof(CacheStoreOptions.RedisPrefix)}"] ?? new CacheStoreOptions().RedisPrefix;
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal(prefix + "signalr:"));
        }

        return signalR;
    }

    /// <summary>
    /// The connection pool. Unless the connection string says otherwise, the most used statements are prepared on
    /// each connection, which spares PostgreSQL parsing and planning the same list and lookup queries again and again.
    /// </summary>
    private static NpgsqlDataSource DataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (!connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }

        return builder.Build();
    }
}
