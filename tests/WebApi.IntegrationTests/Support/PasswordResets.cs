using Crm.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.WebApi.IntegrationTests.Support;

/// <summary>Forgot-password requests are worked after the answer: tests wait for the queue to be worked through.</summary>
public static class PasswordResets
{
    /// <summary>Returns once every queued request of the host has been worked on (fails past a generous bound).</summary>
    public static async Task WorkedAsync(CrmApiFactory? factory = null)
    {
        var queue = (factory ?? Testing.Factory).Services.GetRequiredService<PasswordResetQueue>();
        for (var i = 0; i < 1_500 && queue.Pending > 0; i++)
        {
            await Task.Delay(20);
        }

        queue.Pending.ShouldBe(0, "the password reset queue was not worked through");
    }
}
