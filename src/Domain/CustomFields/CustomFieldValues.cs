using System.Globalization;
using System.Net.Mail;
using System.Text.Json;

namespace Crm.Domain.CustomFields;

/// <summary>
/// The JSON a value of each type is written as: text, long_text, url, email, select and user a string (a user is
/// the member's id), date a <c>YYYY-MM-DD</c> string, number a number, currency a number with at most two
/// decimals (its currency is the definition's), boolean true or false, multi_select an array of distinct options.
/// </summary>
public static class CustomFieldValues
{
    public const int TextMaxLength = 1_000;
    public const int LongTextMaxLength = 10_000;
    public const int UrlMaxLength = 2_048;
    public const int EmailMaxLength = 254;

    /// <summary>Numbers beyond this are refused: they would lose precision in clients that read JSON numbers as doubles.</summary>
    public const decimal MaxMagnitude = 1_000_000_000_000_000m;

    /// <summary>The value as records store it (string, decimal, bool or string[]), or why it is refused.</summary>
    public static (object? Value, string? Refusal) Read(CustomFieldShape shape, JsonElement value) => shape.Type switch
    {
        CustomFieldType.Text => Text(value, TextMaxLength, singleLine: true),
        CustomFieldType.LongText => Text(value, LongTextMaxLength, singleLine: false),
        CustomFieldType.Number => Number(value, null),
        CustomFieldType.Currency => Number(value, 2),
        CustomFieldType.Date => Date(value),
        CustomFieldType.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? (value.GetBoolean(), null) : (null, "must be true or false"),
        CustomFieldType.Select => Option(value, shape.Options),
        CustomFieldType.MultiSelect => Options(value, shape.Options),
        CustomFieldType.Url => Url(value),
        CustomFieldType.Email => Email(value),
        CustomFieldType.User => value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var id)
            ? (id.ToString(), null) : (null, "must be the id of a member of the organization"),
        _ => (null, "is of an unknown type"),
    };

    /// <summary>The value of a list filter (<c>cf.key=...</c>) as the JSON a stored value would be, or why it is refused.</summary>
    public static (object? Value, string? Refusal) ReadFilter(CustomFieldShape shape, string text)
    {
        JsonElement element = shape.Type switch
        {
            CustomFieldType.Number or CustomFieldType.Currency =>
                decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d)
                    ? JsonSerializer.SerializeToElement(d) : JsonSerializer.SerializeToElement(text),
            CustomFieldType.Boolean => text is "true" or "false"
                ? JsonSerializer.SerializeToElement(text == "true") : JsonSerializer.SerializeToElement(text),
            CustomFieldType.MultiSelect => JsonSerializer.SerializeToElement(new[] { text }),
            _ => JsonSerializer.SerializeToElement(text),
        };

        // A filter on a currency field may name any number: it is compared, not stored.
        return Read(shape.Type == CustomFieldType.Currency ? shape with { Type = CustomFieldType.Number } : shape, element);
    }

    private static (object?, string?) Text(JsonElement value, int maxLength, bool singleLine)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return (null, "must be a string");
        }

        var text = value.GetString()!.Trim();
        if (text.Length == 0 || text.Length > maxLength)
        {
            return (null, $"must be 1 to {maxLength} characters (null clears it)");
        }

        return singleLine && text.Any(char.IsControl) ? (null, "must be one line without control characters") : (text, null);
    }

    private static (object?, string?) Number(JsonElement value, int? decimals)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            return (null, "must be a number");
        }

        if (Math.Abs(number) >= MaxMagnitude)
        {
            return (null, $"must be less than {MaxMagnitude:0} in magnitude");
        }

        return decimals is { } places && decimal.Round(number, places) != number
            ? (null, $"must have at most {places} decimals")
            : (Normalize(number), null);
    }

    private static (object?, string?) Date(JsonElement value) =>
        value.ValueKind == JsonValueKind.String
        && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
            : (null, "must be a date, YYYY-MM-DD");

    private static (object?, string?) Option(JsonElement value, IReadOnlyList<string> options) =>
        value.ValueKind == JsonValueKind.String && options.Contains(value.GetString()!, StringComparer.Ordinal)
            ? (value.GetString(), null)
            : (null, $"must be one of the field's options: {string.Join(", ", options)}");

    private static (object?, string?) Options(JsonElement value, IReadOnlyList<string> options)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return (null, "must be an array of the field's options");
        }

        var chosen = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !options.Contains(item.GetString()!, StringComparer.Ordinal))
            {
                return (null, $"must list only the field's options: {string.Join(", ", options)}");
            }

            if (!chosen.Contains(item.GetString()!, StringComparer.Ordinal))
            {
                chosen.Add(item.GetString()!);
            }
        }

        return (chosen.ToArray(), null);
    }

    private static (object?, string?) Url(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is { Length: > 0 and <= UrlMaxLength } text
        && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
            ? (text, null)
            : (null, $"must be an absolute http or https URL of at most {UrlMaxLength} characters");

    private static (object?, string?) Email(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is { Length: > 0 and <= EmailMaxLength } text
            && MailAddress.TryCreate(text, out var address) && address.Address == text && text.Contains('.', StringComparison.Ordinal))
        {
            return (text, null);
        }

        return (null, "must be an email address");
    }

    /// <summary>12.50 and 12.5 are one value: trailing zeros go, so equal numbers are stored alike.</summary>
    private static decimal Normalize(decimal number) => number / 1.000000000000000000000000000000000m;
}
