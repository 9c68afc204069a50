using System.Text.Json;
using Crm.Application.Common.Interfaces;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Crm.Infrastructure.Idempotency;

/// <summary>
/// Keys and their kept answers in PostgreSQL, so that every instance sees them. A key is claimed by one atomic
/// <c>INSERT ... ON CONFLICT</c> before its request runs: of concurrent requests with one key exactly one claims it.
/// Answers are encrypted with the service's keys, bound to the caller: an answer may hold a secret shown once.
/// </summary>
public sealed class IdempotencyStore(
    NpgsqlDataSource dataSource, ISecretProtector protector, IOptions<IdempotencyOptions> options, TimeProvider time)
{
    // Claims a free key; takes over an expired one, or one whose run was lost (its lock ran out) for the same request.
    private const string ClaimSql =
        """
        INSERT INTO idempotency_keys (caller_id, organization_id, key, fingerprint, claim_id, created_at, expires_at, locked_until)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (caller_id, organization_id, key) DO UPDATE SET
          fingerprint = excluded.fingerprint, claim_id = excluded.claim_id, created_at = excluded.created_at,
          expires_at = excluded.expires_at, locked_until = excluded.locked_until, status_code = NULL, response = NULL
        WHERE idempotency_keys.expires_at <= excluded.created_at
           OR (idempotency_keys.status_code IS NULL AND idempotency_keys.locked_until <= excluded.created_at
               AND idempotency_keys.fingerprint = excluded.fingerprint)
        RETURNING claim_id
        """;

    private const string ReadSql =
        "SELECT fingerprint, status_code, response FROM idempotency_keys WHERE caller_id = $1 AND organization_id = $2 AND key = $3";

    private const string RecordSql =
        """
        UPDATE idempotency_keys SET status_code = $5, response = $6, locked_until = NULL
        WHERE caller_id = $1 AND organization_id = $2 AND key = $3 AND claim_id = $4
        """;

    private const string ReleaseSql =
        "DELETE FROM idempotency_keys WHERE caller_id = $1 AND organization_id = $2 AND key = $3 AND claim_id = $4";

    public int MaxResponseBytes => options.Value.MaxResponseBytes;

    public async Task<IdempotencyClaim> ClaimAsync(IdempotencyScope scope, byte[] fingerprint, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        // A key released between the failed claim and the read is free again: claim anew (a few times at most).
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var claimId = Guid.CreateVersion7();
            await using (var claim = Command(
                connection, ClaimSql, scope, fingerprint, claimId, now, now + options.Value.Retention, now + options.Value.LockTimeout))
            {
                if (await claim.ExecuteScalarAsync(cancellationToken) is Guid won && won == claimId)
                {
                    return new IdempotencyClaim(IdempotencyClaimState.Claimed, claimId);
                }
            }

            await using var read = Command(connection, ReadSql, scope);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                continue;
            }

            var stored = (byte[])reader[0];
            if (!stored.AsSpan().SequenceEqual(fingerprint))
            {
                return new IdempotencyClaim(IdempotencyClaimState.Reused);
            }

            if (await reader.IsDBNullAsync(1, cancellationToken) || await reader.IsDBNullAsync(2, cancellationToken))
            {
                return new IdempotencyClaim(IdempotencyClaimState.InProgress);
            }

            var answer = JsonSerializer.Deserialize<StoredAnswer>(protector.Unprotect((byte[])reader[2], scope.CallerId))!;
            return new IdempotencyClaim(IdempotencyClaimState.Answered, Answer: answer);
        }

        return new IdempotencyClaim(IdempotencyClaimState.InProgress);
    }

    /// <summary>Keeps the answer of a claimed key for its repeats.</summary>
    public async Task RecordAsync(IdempotencyScope scope, Guid claimId, StoredAnswer answer)
    {
        var sealedAnswer = protector.Protect(JsonSerializer.SerializeToUtf8Bytes(answer), scope.CallerId);
        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        await using var record = Command(connection, RecordSql, scope, claimId, answer.Status, sealedAnswer);
        await record.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>Frees a claimed key, so that a repeat runs again.</summary>
    public async Task ReleaseAsync(IdempotencyScope scope, Guid claimId)
    {
        await using var connection = await dataSource.OpenConnectionAsync(CancellationToken.None);
        await using var release = Command(connection, ReleaseSql, scope, claimId);
        await release.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, IdempotencyScope scope, params object[] more)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in new object[] { scope.CallerId, scope.OrganizationId, scope.Key }.Concat(more))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
