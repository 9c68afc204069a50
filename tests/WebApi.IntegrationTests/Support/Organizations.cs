using System.Net;

namespace Crm.WebApi.IntegrationTests.Support;

/// <summary>An organization with one registered user of each role, built through the API.</summary>
public sealed record Team(Guid OrganizationId, Account Owner, Account Admin, Account Manager, Account Member)
{
    public static async Task<Team> CreateAsync(Api api, string name = "Team Org")
    {
        var owner = await api.RegisterAsync(organization: name);
        var admin = await JoinAsync(api, owner, "admin");
        var manager = await JoinAsync(api, owner, "manager");
        var member = await JoinAsync(api, owner, "member");
        return new Team(owner.OrganizationId, owner, admin, manager, member);
    }

    public Account this[string role] => role switch
    {
        "owner" => Owner,
        "admin" => Admin,
        "manager" => Manager,
        "member" => Member,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public string Members => $"/api/v1/organizations/{OrganizationId}/members";

    /// <summary>
    /// Registers a new user, proves its address and has <paramref name="owner"/> add it to its organization; the account answered acts
    /// in that organization.
    /// </summary>
    public static async Task<Account> JoinAsync(Api api, Account owner, string role)
    {
        var user = await api.RegisterAsync(organization: $"{role}'s own org");
        await api.VerifyEmailAsync(user);
        var added = await api.As(owner).PostAsync(
            $"/api/v1/organizations/{owner.OrganizationId}/members", new { email = user.Email, role });
        added.Status.ShouldBe(HttpStatusCode.Created, added.Text);
        return user with { OrganizationId = owner.OrganizationId };
    }
}
