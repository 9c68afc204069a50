using System.Net;
using Crm.WebApi.IntegrationTests.Support;

namespace Crm.WebApi.IntegrationTests.Fuzzing;

/// <summary>
/// A signed-in member sending fuzzed requests. Sign-out and session revocation are fuzzed too, so it keeps spare
/// sessions, opened before the fuzzing can lock the account's password out, and goes on with one when its
/// current session has ended.
/// </summary>
public sealed class FuzzSession
{
    private const int Spares = 3;

    private readonly Api _api;
    private readonly Queue<string> _spares;

    private FuzzSession(Api api, string role, string token, Queue<string> spares)
    {
        _api = api;
        Role = role;
        Token = token;
        _spares = spares;
    }

    public string Role { get; }

    public string Token { get; private set; }

    /// <summary>How many times a spare session took over.</summary>
    public int Renewals { get; private set; }

    public static async Task<FuzzSession> OpenAsync(Api api, Account account, string role)
    {
        var spares = new Queue<string>();
        for (var i = 0; i < Spares; i++)
        {
            spares.Enqueue((await api.LoginAsync(account.Email)).RefreshToken);
        }

        return new FuzzSession(api, role, account.AccessToken, spares);
    }

    /// <summary>Takes a spare session when the current one no longer signs requests in.</summary>
    public async Task KeepAliveAsync()
    {
        var me = await _api.WithToken(Token).GetAsync("/api/v1/auth/me");
        if (me.Status != HttpStatusCode.Unauthorized)
        {
            return;
        }

        _spares.Count.ShouldBeGreaterThan(0, $"the {Role}'s spare sessions ran out");
        var refreshed = await _api.PostAsync("/api/v1/auth/refresh", new { refresh_token = _spares.Dequeue() });
        refreshed.Status.ShouldBe(HttpStatusCode.OK, refreshed.Text);
        Token = refreshed["access_token"]!;
        Renewals++;
    }
}
