using System.Text.Json;
using System.Text.RegularExpressions;

namespace Crm.WebApi.Http;

/// <summary>
/// Reads which parameter the framework could not bind (a page beyond the integer range, an id that is not a UUID)
/// from its message, and says what it must be in the client's words: the wire name, never a C# type.
/// </summary>
public static partial class ParameterBinding
{
    public static (string Name, string Message)? Failure(HttpContext context, BadHttpRequestException exception)
    {
        var match = FailedToBind().Match(exception.Message);
        if (match.Success)
        {
            var type = match.Groups["type"].Value.Replace("Nullable<", string.Empty, StringComparison.Ordinal).TrimEnd('?', '>');
            var value = match.Groups["value"].Value;
            return (WireName(context, match.Groups["name"].Value, value), Expected(type));
        }

        match = Missing().Match(exception.Message);
        return match.Success ? (WireName(context, match.Groups["name"].Value, null), "is required") : null;
    }

    /// <summary>The query parameter holding the value when one does, else the parameter's snake_case name.</summary>
    private static string WireName(HttpContext context, string parameter, string? value)
    {
        var inQuery = value is null
            ? null
            : context.Request.Query.FirstOrDefault(q => q.Value.Any(v => v == value)).Key;
        return inQuery ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(parameter);
    }

    private static string Expected(string type) => type switch
    {
        "int" or "Int32" => $"must be a whole number from {int.MinValue} to {int.MaxValue}",
        "long" or "Int64" => "must be a whole number",
        "decimal" or "double" => "must be a number",
        "Guid" => "must be a UUID",
        "DateTime" or "DateTimeOffset" => "must be an ISO 8601 date and time (2026-11-20T10:15:00Z)",
        "DateOnly" => "must be a calendar date (2026-11-20)",
        "bool" or "Boolean" => "must be true or false",
        _ => "is not valid",
    };

    [GeneratedRegex("^Failed to bind parameter \"(?<type>[^ \"]+) (?<name>[^ \"]+)\" from \"(?<value>.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("^Required parameter \"(?<type>[^ \"]+) (?<name>[^ \"]+)\" was not provided", RegexOptions.Singleline)]
    private static partial Regex Missing();
}
