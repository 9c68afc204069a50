namespace Crm.Application.Common.Validation;

/// <summary>
/// What text the API accepts anywhere: no control character (tab, line feed and carriage return only in multi-line
/// fields) and no lone UTF-16 surrogate. Such characters break storage (PostgreSQL refuses NUL), logs, CSV files and
/// email headers, and no person types them.
/// </summary>
public static class TextInput
{
    public const string ControlCharacterMessage = "must not contain control characters";
    public const string LineBreakMessage = "must be a single line (no tab, line feed or carriage return)";
    public const string SurrogateMessage = "must be valid Unicode text (no lone surrogate)";

    /// <summary>Why <paramref name="value"/> is refused, or null when it is acceptable.</summary>
    public static string? Refusal(string value, bool multiline = false)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return SurrogateMessage;
            }
            else if (c is '\t' or '\n' or '\r')
            {
                if (!multiline)
                {
                    return LineBreakMessage;
                }
            }
            else if (char.IsControl(c))
            {
                return ControlCharacterMessage;
            }
        }

        return null;
    }
}
