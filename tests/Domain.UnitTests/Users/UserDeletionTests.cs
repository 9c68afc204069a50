using Crm.Domain.Users;

namespace Crm.Domain.UnitTests.Users;

public sealed class UserDeletionTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    [Test]
    public void A_deleted_account_keeps_its_id_and_loses_its_name_address_password_and_verification()
    {
        var user = User.Register("Grace@Example.com", "Grace Hopper", "hash", Now);
        user.IssueEmailVerification([1, 2, 3], Now);

        user.Delete(Now.AddDays(1));

        user.Name.ShouldBe(User.DeletedName);
        user.Email.ShouldBe($"deleted-user:{user.Id}");
        user.NormalizedEmail.ShouldBe(user.Email);
        user.Email.ShouldNotContain("@");
        User.IsPlausibleEmail(user.Email).ShouldBeFalse();
        user.PasswordHash.ShouldBeEmpty();
        user.EmailVerificationTokenHash.ShouldBeNull();
        user.EmailVerified.ShouldBeFalse();
        user.UpdatedAt.ShouldBe(Now.AddDays(1));
    }
}
