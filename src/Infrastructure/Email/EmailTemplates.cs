using System.Collections.Concurrent;
using System.Reflection;
using Crm.Application.Common.Email;
using HandlebarsDotNet;

namespace Crm.Infrastructure.Email;

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
            EmailTemplate.EmailVerification => "email-verification",
            EmailTemplate.PasswordChanged => "password-changed",
            EmailTemplate.WebhookDeactivated => "webhook-deactivated",
            EmailTemplate.ExportReady => "export-ready",
            EmailTemplate.ImportFinished => "import-finished",
            _ => template.ToString().ToLowerInvariant(),
        };
        return (
            SingleLine(Compile(_text, $"{name}.subject.hbs")(model)),
            Compile(_html, $"{name}.html.hbs")(model),
            Compile(_text, $"{name}.text.hbs")(model));
    }

    /// <summary>
    /// A subject is one header line: a line break or other control character in a name it quotes (stored before such
    /// names were refused, or imported) becomes a space, so it can never end the header or start another.
    /// </summary>
    public static string SingleLine(string text) =>
        string.Join(' ', new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private HandlebarsTemplate<object, object> Compile(IHandlebars engine, string file) =>
        _compiled.GetOrAdd($"{(engine == _html ? "html" : "text")}:{file}", _ =>
        {
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("email/" + file)
                ?? throw new InvalidOperationException($"The email template {file} is missing.");
            using var reader = new StreamReader(stream);
            return engine.Compile(reader.ReadToEnd());
        });
}
