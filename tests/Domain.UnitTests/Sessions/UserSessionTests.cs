using Crm.Domain.Sessions;

namespace Crm.Domain.UnitTests.Sessions;

public sealed class UserSessionTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Test]
    public void A_session_lives_as_long_as_its_newest_refresh_token()
    {
        var session = UserSession.Start(Guid.NewGuid(), Now, "127.0.0.1", "tests");
        session.IsActive(Now).ShouldBeFalse();

        session.IssueRefreshToken([1], Now, Week);
        session.IsActive(Now.AddDays(6)).ShouldBeTrue();
        session.IsActive(Now.Add(Week)).ShouldBeFalse();

        session.IssueRefreshToken([2], Now.AddDays(6), Week);
        session.IsActive(Now.AddDays(12)).ShouldBeTrue();
    }

    [Test]
    public void Redeeming_a_fresh_token_marks_it_used()
    {
        var session = UserSession.Start(Guid.NewGuid(), Now, null, null);
        var token = session.IssueRefreshToken([1], Now, Week);

        session.Redeem(token, Now.AddMinutes(20)).ShouldBe(RefreshOutcome.Redeemed);

        token.UsedAt.ShouldBe(Now.AddMinutes(20));
        session.RevokedAt.ShouldBeNull();
    }

    [Test]
    public void Redeeming_a_used_token_again_revokes_the_whole_session()
    {
        var session = UserSession.Start(Guid.NewGuid(), Now, null, null);
        var token = session.IssueRefreshToken([1], Now, Week);
        session.Redeem(token, Now.AddMinutes(20));
        session.IssueRefreshToken([2], Now.AddMinutes(20), Week);

        session.Redeem(token, Now.AddMinutes(30)).ShouldBe(RefreshOutcome.Reused);

        session.RevokedAt.ShouldBe(Now.AddMinutes(30));
        session.RevokedReason.ShouldBe(SessionRevocation.RefreshTokenReused);
        session.IsActive(Now.AddMinutes(31)).ShouldBeFalse();
    }

    [Test]
    public void An_expired_token_is_refused_without_revoking_the_session()
    {
        var session = UserSession.Start(Guid.NewGuid(), Now, null, null);
        var token = session.IssueRefreshToken([1], Now, Week);

        session.Redeem(token, Now.Add(Week)).ShouldBe(RefreshOutcome.Expired);

        token.UsedAt.ShouldBeNull();
        session.RevokedAt.ShouldBeNull();
    }

    [Test]
    public void No_token_of_a_revoked_session_is_redeemed()
    {
        var session = UserSession.Start(Guid.NewGuid(), Now, null, null);
        var token = session.IssueRefreshToken([1], Now, Week);
        session.Revoke(SessionRevocation.Logout, Now.AddMinutes(1));

        session.Redeem(token, Now.AddMinutes(2)).ShouldBe(RefreshOutcome.SessionRevoked);

        token.UsedAt.ShouldBeNull();
    }

    [Test]
    public void Revoking_twice_keeps_the_first_reason_and_time()
    {
        var session = UserSession.Start(Guid.NewGuid(), Now, null, null);
        session.Revoke(SessionRevocation.Logout, Now);

        session.Revoke(SessionRevocation.RefreshTokenReused, Now.AddMinutes(5));

        session.RevokedReason.ShouldBe(SessionRevocation.Logout);
        session.RevokedAt.ShouldBe(Now);
    }

    [Test]
    public void Overlong_client_details_are_cut_to_what_is_stored()
    {
        var session = UserSession.Start(Guid.NewGuid(), Now, new string('1', 100), new string('a', 1000));

        session.ClientAddress!.Length.ShouldBe(64);
        session.UserAgent!.Length.ShouldBe(512);
    }

    [Test]
    public void A_session_was_last_used_when_it_started_and_when_it_was_last_refreshed()
    {
        var session = UserSession.Start(Guid.NewGuid(), Now, null, null);
        session.LastUsedAt.ShouldBe(Now);

        session.IssueRefreshToken([1], Now.AddMinutes(1), Week);
        session.LastUsedAt.ShouldBe(Now.AddMinutes(1));

        session.IssueRefreshToken([2], Now.AddHours(3), Week);
        session.LastUsedAt.ShouldBe(Now.AddHours(3));
    }

    [TestCase(0, false)]
    [TestCase(4, false)]
    [TestCase(5, true)]
    [TestCase(60, true)]
    public void A_request_records_its_use_only_when_the_last_one_is_five_minutes_old(int minutesAgo, bool stale) =>
        UserSession.IsLastUseStale(Now.AddMinutes(-minutesAgo), Now).ShouldBe(stale);
}
