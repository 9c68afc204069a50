namespace Crm.Domain.CustomFields;

/// <summary>What may change of a definition: everything but its key and record type.</summary>
public sealed record CustomFieldShape(
    string Label, CustomFieldType Type, IReadOnlyList<string> Options, string? Currency, bool Required, int Position)
{
    public const int LabelMaxLength = 100;
    public const int MaxOptions = 100;
    public const int OptionMaxLength = 100;

    public bool SameAs(CustomFieldShape other) =>
        Label == other.Label && Type == other.Type && Options.SequenceEqual(other.Options, StringComparer.Ordinal)
        && Currency == other.Currency && Required == other.Required && Position == other.Position;

    /// <summary>Why the shape is refused, or null.</summary>
    public string? Refusal()
    {
        if (string.IsNullOrWhiteSpace(Label) || Label.Trim().Length > LabelMaxLength)
        {
            return $"label must be 1 to {LabelMaxLength} characters";
        }

        if (Position < 0)
        {
            return "position must not be negative";
        }

        var selects = Type is CustomFieldType.Select or CustomFieldType.MultiSelect;
        if (selects)
        {
            if (Options.Count is 0 or > MaxOptions)
            {
                return $"a select has 1 to {MaxOptions} options";
            }

            if (Options.Any(o => string.IsNullOrWhiteSpace(o) || o.Trim().Length > OptionMaxLength))
            {
                return $"each option is 1 to {OptionMaxLength} characters";
            }

            if (Options.Select(o => o.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != Options.Count)
            {
                return "options must differ (without regard to case)";
            }
        }
        else if (Options.Count > 0)
        {
            return "only select and multi_select fields have options";
        }

        if (Type == CustomFieldType.Currency && !Common.Currency.IsValid(Currency))
        {
            return "a currency field names its currency, an upper-case ISO 4217 code";
        }

        return Type != CustomFieldType.Currency && Currency is not null ? "only currency fields have a currency" : null;
    }
}
