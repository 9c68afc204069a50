using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Crm.Application.Common.Email;
using Crm.Domain.Common;
using Crm.Domain.Email;
using Crm.Infrastructure.Data;
using HandlebarsDotNet;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Email;

/// <summary>Renders an email from its templates and stores it in the outbox, in the current unit of work.</summary>
internal sealed class EmailOutbox(CrmDbContext db, EmailTemplates templates, TimeProvider time) : IEmailOutbox
{
    public void Queue(EmailTemplate template, string recipient, IReadOnlyDictionary<string, object?> model, Guid? organizationId)
    {
        var (subject, html, text) = templates.Render(template, model);
        db.Add(OutboxMessage.Queue(organizationId, Name(template), recipient, subject, html, text, time.UtcNow()));
    }

    public static string Name(EmailTemplate template) => JsonNamingPolicy.SnakeCaseLower.ConvertName(template.ToString());
}

/// <summary>
/// Handlebars templates embedded in the assembly: a subject, an HTML body (values HTML-escaped) and a text body
/// (values as they are) per email.
/// </summary>
public sealed class EmailTemplates
{
    private readonly IHandlebars _html = Handlebars.Create();
    private readonly IHandlebars _text = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
    private readonly ConcurrentDictionary<string, HandlebarsTemplate<object, object>> _compiled = new();

    public (string Subject, string Html, string Text) Render(EmailTemplate template, IReadOnlyDictionary<string, object?> model)
    {
        var name = template switch
        {
            EmailTemplate.PasswordReset => "password-reset",
            _ => template.ToString().ToLowerInvariant(),
        };
        return (
            Compile(_text, $"{name}.subject.hbs")(model).Trim(),
            Compile(_html, $"{name}.html.hbs")(model),
            Compile(_text, $"{name}.text.hbs")(model));
    }

    private HandlebarsTemplate<object, object> Compile(IHandlebars engine, string file) =>
        _compiled.GetOrAdd($"{(engine == _html ? "html" : "text")}:{file}", _ =>
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("email/" + file)
                ?? throw new InvalidOperationException($"The email template {file} is missing.");
            using var reader = new StreamReader(stream);
            return engine.Compile(reader.ReadToEnd());
        });
}

internal sealed class EmailLinks(IOptions<EmailOptions> options) : IEmailLinks
{
    public string ResetPassword(string token) => $"{Base}/reset-password?token={Uri.EscapeDataString(token)}";

    public string AcceptInvitation(string token) => $"{Base}/accept-invitation?token={Uri.EscapeDataString(token)}";

    private string Base => options.Value.AppBaseUrl.TrimEnd('/');
}
