namespace Crm.Application.Common.Behaviours;

/// <summary>The behaviours every request passes through, outermost first: the pipeline's order, written once.</summary>
public static class Pipeline
{
    public static IReadOnlyList<Type> Behaviours { get; } =
    [
        typeof(TelemetryBehaviour<,>),           // one span and duration per request, with its outcome
        typeof(LoggingBehaviour<,>),             // the request's name and ids, never its payload
        typeof(UnhandledExceptionBehaviour<,>),  // logs what nothing else handled
        typeof(AuthorizationBehaviour<,>),       // signed in, member, role: before anything reads input
        typeof(ValidationBehaviour<,>),          // the request's validators
        typeof(CachingBehaviour<,>),             // cacheable queries answered from the cache
        typeof(CacheInvalidationBehaviour<,>),   // after a command committed: bump the tags it changed
        typeof(TransactionOutcomeBehaviour<,>),  // after commit or rollback: the reactions the command registered
        typeof(AuditBehaviour<,>),               // marks the command's audit action for the unit of work
        typeof(TransactionBehaviour<,>),         // commands in one transaction, committed once
    ];
}
