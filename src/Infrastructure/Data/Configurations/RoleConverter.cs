using System.Text.Json;
using Crm.Domain.Organizations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Crm.Infrastructure.Data.Configurations;

/// <summary>Stores roles as their snake_case names, the same words the API uses.</summary>
internal sealed class RoleConverter() : ValueConverter<MemberRole, string>(
    role => JsonNamingPolicy.SnakeCaseLower.ConvertName(role.ToString()),
    name => Enum.Parse<MemberRole>(name, true))
{
    public static readonly RoleConverter Instance = new();
}
