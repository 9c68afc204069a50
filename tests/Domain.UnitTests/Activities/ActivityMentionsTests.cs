using Crm.Domain.Activities;

namespace Crm.Domain.UnitTests.Activities;

public sealed class ActivityMentionsTests
{
    [Test]
    public void Mentions_are_the_distinct_user_ids_in_order_of_first_mention()
    {
        var ada = Guid.NewGuid();
        var bob = Guid.NewGuid();

        ActivityMentions.Parse($"@[Ada](user:{ada}) met @[Bob](user:{bob.ToString().ToUpperInvariant()}) and @[Ada L.](user:{ada}).")
            .ShouldBe([ada, bob]);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("@Ada, call back")]
    [TestCase("@[Ada](user:not-a-uuid)")]
    [TestCase("@[](user:0193a8c2-7f4e-7b1a-9c3d-5e6f7a8b9c0d)")]
    [TestCase("[Ada](user:0193a8c2-7f4e-7b1a-9c3d-5e6f7a8b9c0d)")]
    public void Text_that_is_not_a_mention_mentions_nobody(string? body) =>
        ActivityMentions.Parse(body).ShouldBeEmpty();

    [Test]
    public void At_most_fifty_users_are_taken_from_one_body()
    {
        var body = string.Join(' ', Enumerable.Range(0, 60).Select(_ => $"@[X](user:{Guid.NewGuid()})"));

        ActivityMentions.Parse(body).Count.ShouldBe(ActivityMentions.MaxCount);
    }
}
