using Crm.Application.Activities.Common;
using Crm.Application.Attachments.Common;
using Crm.Application.Auth.Common;
using Crm.Application.Common.Behaviours;
using Crm.Application.Common.Caching;
using Crm.Application.Common.Concurrency;
using Crm.Application.Common.Events;
using Crm.Application.Common.Mapping;
using Crm.Application.Common.Security;
using Crm.Application.Common.Transactions;
using Crm.Application.Common.Validation;
using Crm.Application.CustomFields.Common;
using Crm.Application.Organizations.Common;
using Crm.Application.Tasks.Common;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Application;

public static class DependencyInjection
{
    /// <summary>The mediator, its handlers and validators, and the pipeline behaviors in execution order.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        // One message per field: a rule stops at its first failure (an empty value is not also "too short").
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;

        services.AddScoped<ServiceFactory>(sp => sp.GetRequiredService);
        services.AddScoped<IMediator, Mediator>();
        services.Scan(scan => scan.FromAssemblyOf<SessionIssuer>()
            .AddClasses(c => c.AssignableTo(typeof(IRequestHandler<,>)))
            .AsImplementedInterfaces()
            .WithTransientLifetime()
            .AddClasses(c => c.AssignableTo(typeof(INotificationHandler<>)))
            .AsImplementedInterfaces()
            .WithTransientLifetime());
        services.AddValidatorsFromAssemblyContaining<SessionIssuer>(ServiceLifetime.Singleton, includeInternalTypes: true);

        // Every request's text, whatever its validator says: no control characters, no lone surrogates.
        services.AddSingleton(typeof(IValidator<>), typeof(TextInputValidator<>));

        // Registration order is execution order, outermost first.
        foreach (var behaviour in Pipeline.Behaviours)
        {
            services.AddTransient(typeof(IPipelineBehavior<,>), behaviour);
        }

        services.AddScoped<RequestContext>();
        services.AddScoped<IRequestContext>(sp => sp.GetRequiredService<RequestContext>());
        services.AddScoped<SessionIssuer>();
        services.AddScoped<SecondFactorCheck>();
        services.AddScoped<TimelineClock>();
        services.AddScoped<TimelineWriter>();
        services.AddScoped<RecordTimelines>();
        services.AddScoped<TaskRecords>();
        services.AddScoped<TransactionOutcome>();
        services.AddScoped<WritePreconditions>();
        services.AddScoped<ITransactionOutcome>(sp => sp.GetRequiredService<TransactionOutcome>());
        services.AddScoped<AttachmentParents>();
        services.AddScoped<StorageFigures>();
        services.AddScoped<CustomFieldInput>();
        services.AddScoped<CustomFieldListing>();
        services.AddScoped<PendingCacheInvalidations>();
        services.AddScoped<IListTotals, ListTotals>();
        services.AddScoped<ICacheInvalidations>(sp => sp.GetRequiredService<PendingCacheInvalidations>());
        services.AddScoped<IDomainEventPublisher, MediatorDomainEventPublisher>();
        services.AddSingleton(MappingProfile.CreateMapper());
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
