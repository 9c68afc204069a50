using System.Reflection;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Messaging;
using MediatR;

namespace Crm.Application.Common.Behaviours;

/// <summary>
/// Marks each command for the audit trail with the action it declares (<see cref="AuditActionAttribute"/>); the entry
/// itself is written when the command's changes are saved, in the same transaction.
/// </summary>
public sealed class AuditBehaviour<TRequest, TResponse>(IAuditTrail audit) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string? Action = RequestKind<TRequest>.IsCommand ? ActionOf(typeof(TRequest)) : null;

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (Action is not null)
        {
            audit.BeginCommand(Action);
        }

        return next();
    }

    /// <summary>The audit action a command declares; a command without one is a programming error.</summary>
    public static string ActionOf(Type commandType) =>
        commandType.GetCustomAttribute<AuditActionAttribute>()?.Action
        ?? throw new InvalidOperationException($"{commandType.Name} declares no [AuditAction].");
}
