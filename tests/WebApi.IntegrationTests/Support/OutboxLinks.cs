using System.Text.RegularExpressions;

namespace Crm.WebApi.IntegrationTests.Support;

/// <summary>Reads the links of queued emails, as their recipient would follow them.</summary>
public static partial class OutboxLinks
{
    /// <summary>The token in the link of the newest email of this kind to this recipient.</summary>
    public static async Task<string> TokenAsync(string template, string recipient)
    {
        await using var command = Testing.Database.DataSource.CreateCommand(
            "SELECT text_body FROM outbox_messages WHERE template = $1 AND recipient = $2 ORDER BY created_at DESC, id DESC LIMIT 1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = template });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = recipient });
        var body = (string?)await command.ExecuteScalarAsync()
            ?? throw new InvalidOperationException($"No {template} email to {recipient}.");
        return Uri.UnescapeDataString(TokenInLink().Match(body).Groups[1].Value);
    }

    [GeneratedRegex(@"token=([^\s]+)")]
    private static partial Regex TokenInLink();
}
