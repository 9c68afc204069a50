using System.Text.Json;
using Crm.Application.Common.Auditing;
using Crm.Application.Common.Messaging;
using MediatR;

namespace Crm.Application.Common.Behaviours;

/// <summary>
/// Marks each command for the audit trail with its name (<c>UpdateDealCommand</c> → <c>update_deal</c>); the entry
/// itself is written when the command's changes are saved, in the same transaction.
/// </summary>
public sealed class AuditBehaviour<TRequest, TResponse>(IAuditTrail audit) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string? Action = typeof(TRequest).GetInterfaces()
        .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>))
        ? ActionName(typeof(TRequest))
        : null;

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (Action is not null)
        {
            audit.BeginCommand(Action);
        }

        return next();
    }

    public static string ActionName(Type commandType)
    {
        var name = commandType.Name;
        return JsonNamingPolicy.SnakeCaseLower.ConvertName(name.EndsWith("Command", StringComparison.Ordinal) ? name[..^"Command".Length] : name);
    }
}
