namespace Crm.Application.Notifications.Common;

/// <summary>The <c>record.type</c> values of notifications.</summary>
public static class NotificationRecordTypes
{
    public const string Deal = "deal";
    public const string Contact = "contact";
    public const string Company = "company";
    public const string Task = "task";
    public const string Invitation = "invitation";
    public const string Export = "export";
    public const string Import = "import";
    public const string Webhook = "webhook";
}
