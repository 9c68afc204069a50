namespace Crm.Domain.Activities;

/// <summary>The bounds of what people write on a timeline.</summary>
public static class ActivityLimits
{
    public const int BodyMaxLength = Activity.CommentMaxLength;
    public const int SubjectMaxLength = 200;
    public const int OutcomeMaxLength = 100;
    public const int MaxDurationMinutes = 1440;

    /// <summary>The types people log with <c>POST /api/v1/activities</c>.</summary>
    public static bool IsLogged(ActivityType type) =>
        type is ActivityType.Note or ActivityType.Call or ActivityType.Meeting or ActivityType.Email;

    /// <summary>The types whose bodies may mention members.</summary>
    public static bool MayMention(ActivityType type) => type is ActivityType.Comment or ActivityType.Note;
}
