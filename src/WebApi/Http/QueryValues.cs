using System.Text.Json;
using Crm.Application.Common.Exceptions;
using FluentValidation.Results;

namespace Crm.WebApi.Http;

/// <summary>Reads snake_case enum values from query parameters; an unknown value is a 400 naming the parameter.</summary>
public static class QueryValues
{
    public static TEnum? Enum<TEnum>(string parameter, string? value)
        where TEnum : struct, System.Enum =>
        string.IsNullOrEmpty(value) ? null : Parse<TEnum>(parameter, value);

    public static TEnum Enum<TEnum>(string parameter, string? value, TEnum fallback)
        where TEnum : struct, System.Enum =>
        Enum<TEnum>(parameter, value) ?? fallback;

    public static IReadOnlyList<TEnum> Enums<TEnum>(string parameter, string[]? values)
        where TEnum : struct, System.Enum =>
        values is null ? [] : values.Where(v => v.Length > 0).Select(v => Parse<TEnum>(parameter, v)).ToList();

    /// <summary>A time without a zone is read as UTC, so the answer does not depend on the server's zone.</summary>
    public static DateTime? Utc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Utc } utc => utc,
        { Kind: DateTimeKind.Local } local => local.ToUniversalTime(),
        { } unspecified => DateTime.SpecifyKind(unspecified, DateTimeKind.Utc),
    };

    private static TEnum Parse<TEnum>(string parameter, string value)
        where TEnum : struct, System.Enum
    {
        foreach (var candidate in System.Enum.GetValues<TEnum>())
        {
            if (Name(candidate) == value)
            {
                return candidate;
            }
        }

        var allowed = string.Join(", ", System.Enum.GetValues<TEnum>().Select(Name));
        throw new ValidationException([new ValidationFailure(parameter, $"must be one of: {allowed}")]);
    }

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, System.Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
