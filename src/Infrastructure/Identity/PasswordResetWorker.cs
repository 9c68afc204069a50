using Crm.Application.Auth.Commands.SendPasswordReset;
using Crm.Application.Common.Security;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crm.Infrastructure.Identity;

/// <summary>
/// Works through the forgot-password queue one request at a time, each as a command of its own (its own scope and
/// transaction), carrying the requesting client into the audit.
/// </summary>
public sealed class PasswordResetWorker(PasswordResetQueue queue, IServiceScopeFactory scopes, ILogger<PasswordResetWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var request in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<RequestContext>().SetClient(request.ClientAddress, request.UserAgent);
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SendPasswordResetCommand(request.Email), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "A password reset request could not be worked on");
            }
            finally
            {
                queue.Done();
            }
        }
    }
}
