using Crm.Domain.Users;

namespace Crm.Domain.UnitTests.Users;

public sealed class UserProfileTests
{
    [Test]
    public void Renaming_trims_the_name_and_stamps_the_change()
    {
        var registered = new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);
        var user = User.Register("ada@example.com", "Ada", "hash", registered);

        user.Rename("  Ada King ", registered.AddDays(1));

        user.Name.ShouldBe("Ada King");
        user.UpdatedAt.ShouldBe(registered.AddDays(1));
        user.Email.ShouldBe("ada@example.com");
    }
}
