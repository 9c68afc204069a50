namespace Crm.WebApi.Http;

/// <summary>The <c>Cors</c> section: which browser pages on other origins may call the API.</summary>
public sealed class CrossOriginOptions
{
    public const string Section = "Cors";

    /// <summary>Exact origins (<c>https://app.example.com</c>), or with any port (<c>http://localhost:*</c>); none by default.</summary>
    public List<string> AllowedOrigins { get; set; } = [];
}
