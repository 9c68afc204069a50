namespace Crm.Domain.Organizations;

public static class MemberRoles
{
    /// <summary>Owner and admin run the organization: its settings, its members and every record.</summary>
    public static bool IsAdministrator(this MemberRole role) => role is MemberRole.Owner or MemberRole.Admin;

    /// <summary>Manager and above manage every record of the organization.</summary>
    public static bool ManagesAllRecords(this MemberRole role) => role is not MemberRole.Member;
}
