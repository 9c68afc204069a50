namespace Crm.Infrastructure.Identity;

/// <summary>The claims an access token carries: nothing but who and which session.</summary>
public static class CrmClaims
{
    public const string UserId = "sub";
    public const string SessionId = "sid";
}
