using System.Text.Json;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Crm.Infrastructure.Data.Configurations;

/// <summary>Stores an enum as its snake_case name, the same word the API uses (<c>in_progress</c>).</summary>
internal sealed class SnakeCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()),
    name => Enum.Parse<TEnum>(name.Replace("_", string.Empty, StringComparison.Ordinal), true))
    where TEnum : struct, Enum
{
    public static readonly SnakeCaseEnumConverter<TEnum> Instance = new();
}
