namespace Crm.Application.Attachments.Common;

/// <summary>The kinds of record files are attached to.</summary>
public enum AttachmentParent
{
    Contact,
    Deal,
}
