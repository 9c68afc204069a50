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
