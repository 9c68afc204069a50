namespace Crm.Application.Common.Email;

/// <summary>Links in emails point at the product's own address.</summary>
public interface IEmailLinks
{
    string ResetPassword(string token);

    string AcceptInvitation(string token);

    string VerifyEmail(string token);
}
