using System.Text.Json;
using Crm.Application.Common.Email;
using Crm.Domain.Common;
using Crm.Domain.Email;
using Crm.Infrastructure.Data;

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
