namespace Crm.Infrastructure.Identity;

/// <summary>The claims of an access token that say who and which session (RFC 7519, OpenID Connect names).</summary>
public static class CrmClaims
{
    public const string UserId = "sub";
    public const string SessionId = "sid";
}
