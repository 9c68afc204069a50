namespace Crm.WebApi.Http;

/// <summary>
/// Headers that keep browsers from misusing any answer: no sniffing, no referrer, no framing, an isolated browsing
/// context, and a content security policy that lets the API's JSON run nothing at all. The interactive docs page
/// (<c>/docs</c>) gets a policy that allows its own scripts and styles and nothing from elsewhere.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    // Swagger UI's page configures itself with an inline script and inline styles.
    public const string DocsPolicy =
        "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        var docs = http.Request.Path.StartsWithSegments("/docs", StringComparison.OrdinalIgnoreCase);
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = docs ? DocsPolicy : ApiPolicy;
            return Task.CompletedTask;
        });
        return next(http);
    }
}
