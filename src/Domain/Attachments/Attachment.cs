using Crm.Domain.Common;
using Crm.Domain.Contacts;
using Crm.Domain.Deals;
using Crm.Domain.Organizations;
using Crm.Domain.Records;

namespace Crm.Domain.Attachments;

/// <summary>A file attached to a contact or a deal. Who may attach or remove one follows the record's ownership.</summary>
public sealed class Attachment : Entity, ITenantOwned
{
    public const int FileNameMaxLength = 255;

    private Attachment()
    {
        FileName = ContentType = Sha256 = StorageKey = string.Empty;
    }

    public Guid OrganizationId { get; private set; }

    public Guid? ContactId { get; private set; }

    public Guid? DealId { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long Size { get; private set; }

    /// <summary>Hex SHA-256 of the content.</summary>
    public string Sha256 { get; private set; }

    /// <summary>Where the content is stored: <c>{organization}/{attachment}</c>, never anything the client sent.</summary>
    public string StorageKey { get; private set; }

    public Guid UploadedBy { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static Attachment To(Contact contact, Actor actor, string fileName, string contentType, long size, string sha256, DateTime now)
    {
        contact.EnsureMayChange(actor);
        return Create(contact.OrganizationId, contact.Id, null, actor, fileName, contentType, size, sha256, now);
    }

    public static Attachment To(Deal deal, Actor actor, string fileName, string contentType, long size, string sha256, DateTime now)
    {
        deal.EnsureMayChange(actor);
        return Create(deal.OrganizationId, null, deal.Id, actor, fileName, contentType, size, sha256, now);
    }

    /// <summary>Refuses removal to a member who does not own the record the file is attached to.</summary>
    public void EnsureMayRemove(OwnedRecord record, Actor actor) => record.EnsureMayChange(actor);

    /// <summary>
    /// A name safe to show and to send back in a download header: no folders, no control or path characters, at
    /// most 255 characters; <c>file</c> when nothing is left.
    /// </summary>
    public static string SanitizeFileName(string? name)
    {
        var lastSegment = (name ?? string.Empty).Replace('\\', '/').Split('/').LastOrDefault() ?? string.Empty;
        var cleaned = new string(lastSegment.Where(c => !char.IsControl(c) && !BidiControls.Contains(c) && c is not ('"' or '<' or '>' or ':' or '|' or '?' or '*')).ToArray()).Trim().Trim('.');
        if (cleaned.Length == 0)
        {
            return "file";
        }

        return cleaned.Length <= FileNameMaxLength ? cleaned : cleaned[^FileNameMaxLength..];
    }

    private static Attachment Create(
        Guid organizationId, Guid? contactId, Guid? dealId, Actor actor, string fileName, string contentType, long size, string sha256, DateTime now)
    {
        var id = NewId();
        return new Attachment
        {
            Id = id,
            OrganizationId = organizationId,
            ContactId = contactId,
            DealId = dealId,
            FileName = SanitizeFileName(fileName),
            ContentType = contentType,
            Size = size,
            Sha256 = sha256,
            StorageKey = $"{organizationId:N}/{id:N}",
            UploadedBy = actor.UserId,
            CreatedAt = now,
        };
    }
}
