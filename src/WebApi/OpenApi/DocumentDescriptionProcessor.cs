using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Crm.WebApi.OpenApi;

/// <summary>The document's title, description, licence, server, tag descriptions and the bearer security scheme.</summary>
internal sealed class DocumentDescriptionProcessor : IDocumentProcessor
{
    private static readonly Dictionary<string, string> Tags = new()
    {
        ["Auth"] = "Accounts and sessions: register, sign in, refresh and revoke tokens, reset passwords, accept invitations.",
        ["Organizations"] = "The organizations the caller belongs to, their settings, members and invitations.",
        ["Contacts"] = "The people an organization sells to.",
        ["Companies"] = "The accounts an organization sells to: contacts work for them, deals are made with them.",
        ["Deals"] = "Sales opportunities with a contact, and its company: amount, status and stage.",
        ["Activities"] = "A deal's timeline: what changed, and comments.",
        ["Tasks"] = "Things to do on a deal, with due dates.",
        ["Analytics"] = "Deal totals by status and the stage funnel.",
        ["AuditLogs"] = "Who changed what in the organization (owners and admins).",
        ["Search"] = "Full-text search over contacts, companies, deals, tasks and comments.",
        ["Attachments"] = "Files attached to contacts and deals.",
        ["Admin"] = "Operating the service: the outgoing email queue.",
        ["ApiKeys"] = "Service accounts: secrets that act in one organization with a role, for integrations (owners and admins).",
        ["Changes"] = "The change feed: every creation, update and deletion of contacts, deals, tasks and companies, in order, for syncing.",
        ["Webhooks"] = WebhookDocumentation.TagDescription,
    };

    public void Process(DocumentProcessorContext context)
    {
        var document = context.Document;
        document.Info = new OpenApiInfo
        {
            Title = "Crm API",
            Version = "v1",
            Description =
                "A multi-tenant CRM: organizations and their members, contacts, deals with their timeline, tasks and " +
                "analytics. JSON with snake_case names; errors are RFC 9457 problem documents with a stable `code`. " +
                "Sign in (`Auth_Login`) for a bearer token, and name the organization of every tenant-scoped request " +
                "in the `X-Organization-Id` header.",
            Contact = new OpenApiContact { Name = "Crm API support", Email = "api@crm.dev", Url = "https://crm.dev/support" },
            License = new OpenApiLicense { Name = "Proprietary", Url = "https://crm.dev/terms" },
        };

        UseRelativeServer(document);
        document.SecurityDefinitions[BearerSecurityProcessor.SchemeName] = new OpenApiSecurityScheme
        {
            Type = OpenApiSecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An access token from Auth_Register, Auth_Login or Auth_Refresh (15 minutes), or an API key " +
                "(crm_…, from ApiKeys_Create) on the organization's endpoints.",
        };
        document.SecurityDefinitions[BearerSecurityProcessor.ApiKeySchemeName] = new OpenApiSecurityScheme
        {
            Type = OpenApiSecuritySchemeType.ApiKey,
            In = OpenApiSecurityApiKeyLocation.Header,
            Name = "X-Api-Key",
            Description = "An API key (crm_…, from ApiKeys_Create), on the organization's endpoints only; X-Organization-Id " +
                "may then be left out, and naming another organization answers 403.",
        };

        var used = document.Operations.SelectMany(o => o.Operation.Tags).Distinct().Order(StringComparer.Ordinal).ToList();
        document.Tags = used.Select(tag => new OpenApiTag { Name = tag, Description = Tags.GetValueOrDefault(tag, tag) }).ToList();
    }

    /// <summary>
    /// Relative: the API is served under /api/v1 of whichever host serves the document, so the served document and
    /// the committed one are the same.
    /// </summary>
    public static void UseRelativeServer(OpenApiDocument document)
    {
        document.Servers.Clear();
        document.Servers.Add(new OpenApiServer { Url = "/", Description = "The host serving this document." });
    }
}
