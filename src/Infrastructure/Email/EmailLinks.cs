using Crm.Application.Common.Email;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Email;

internal sealed class EmailLinks(IOptions<EmailOptions> options) : IEmailLinks
{
    public string ResetPassword(string token) => $"{Base}/reset-password?token={Uri.EscapeDataString(token)}";

    public string AcceptInvitation(string token) => $"{Base}/accept-invitation?token={Uri.EscapeDataString(token)}";

    public string VerifyEmail(string token) => $"{Base}/verify-email?token={Uri.EscapeDataString(token)}";

    private string Base => options.Value.AppBaseUrl.TrimEnd('/');
}
