using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Crm.Infrastructure.Configuration;

/// <summary>Walks a bound settings object as configuration paths: to check each value and to print it, secrets masked.</summary>
public static partial class SettingValues
{
    /// <summary>The word every secret of <c>build/deploy/.env.example</c> carries, so that a copied file cannot run in production.</summary>
    public const string Placeholder = "change-me";

    public const string Mask = "***";

    /// <summary>How a placeholder left in place is reported; it explains every other problem of its section.</summary>
    public const string PlaceholderProblem = "still holds the placeholder of .env.example: set a real secret.";

    /// <summary>Every setting of <paramref name="options"/>, nested objects, lists and dictionaries flattened to paths.</summary>
    public static IEnumerable<SettingValue> Walk(string section, object options)
    {
        foreach (var property in options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.SetMethod is not { IsPublic: true })
            {
                continue;
            }

            var path = $"{section}:{property.Name}";
            var value = property.GetValue(options);
            switch (value)
            {
                case string or null or ValueType:
                    yield return new SettingValue(path, property, value);
                    break;
                case IDictionary dictionary:
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        foreach (var item in Element($"{path}:{entry.Key}", property, entry.Value))
                        {
                            yield return item;
                        }
                    }

                    break;
                case IEnumerable list:
                    var index = 0;
                    foreach (var element in list)
                    {
                        foreach (var item in Element($"{path}:{index++}", property, element))
                        {
                            yield return item;
                        }
                    }

                    break;
                default:
                    foreach (var item in Walk(path, value))
                    {
                        yield return item;
                    }

                    break;
            }
        }
    }

    private static IEnumerable<SettingValue> Element(string path, PropertyInfo property, object? value) =>
        value is null or string or ValueType ? [new SettingValue(path, property, value)] : Walk(path, value);

    /// <summary>What is wrong with the settings, one line each naming the setting.</summary>
    public static IEnumerable<string> Problems(string section, object options, bool refusePlaceholders)
    {
        foreach (var setting in Walk(section, options))
        {
            var range = setting.Property.GetCustomAttribute<RangeAttribute>();
            var value = setting.Value;
            if (range is not null)
            {
                if (!range.IsValid(value))
                {
                    yield return $"{setting.Path} must be between {range.Minimum} and {range.Maximum} (is {Format(value)}).";
                }
            }
            else if (value is TimeSpan duration && duration <= TimeSpan.Zero)
            {
                yield return $"{setting.Path} must be a positive duration such as 00:01:00 (is {Format(value)}).";
            }
            else if (value is int or long && Convert.ToInt64(value, CultureInfo.InvariantCulture) <= 0)
            {
                yield return $"{setting.Path} must be a positive number (is {Format(value)}).";
            }

            if (refusePlaceholders && value is string text && setting.Property.GetCustomAttribute<SecretAttribute>() is not null
                && text.Contains(Placeholder, StringComparison.OrdinalIgnoreCase))
            {
                yield return $"{setting.Path} {PlaceholderProblem}";
            }
        }
    }

    /// <summary>The value as <c>check-config</c> prints it: secrets masked, durations as <c>d.hh:mm:ss</c>.</summary>
    public static string Display(SettingValue setting)
    {
        var secret = setting.Property.GetCustomAttribute<SecretAttribute>();
        if (secret is null || setting.Value is not string { Length: > 0 } text)
        {
            return Format(setting.Value);
        }

        return secret.PasswordOnly ? MaskPasswords(text) : Mask;
    }

    /// <summary>A connection string with its password parts masked (<c>Password=***</c>).</summary>
    public static string MaskPasswords(string connectionString) =>
        PasswordPart().Replace(connectionString, m => $"{m.Groups[1].Value}={Mask}");

    public static string Format(object? value) => value switch
    {
        null => "(not set)",
        string { Length: 0 } => "(empty)",
        TimeSpan duration => duration.ToString("c", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    [GeneratedRegex(@"\b(password|pwd)\s*=\s*[^;,]*", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordPart();
}
