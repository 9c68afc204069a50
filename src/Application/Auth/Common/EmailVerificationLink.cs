using Crm.Application.Common.Email;
using Crm.Domain.Users;

namespace Crm.Application.Auth.Common;

/// <summary>Starts a new verification link for an account and queues the email that carries it.</summary>
public static class EmailVerificationLink
{
    public static void Send(User user, IEmailOutbox outbox, IEmailLinks links, DateTime now)
    {
        var (token, hash) = SecretTokens.Generate();
        user.IssueEmailVerification(hash, now);
        outbox.Queue(EmailTemplate.EmailVerification, user.Email, new Dictionary<string, object?>
        {
            ["name"] = user.Name,
            ["link"] = links.VerifyEmail(token),
            ["hours"] = (int)User.EmailVerificationLifetime.TotalHours,
        }, null);
    }
}
