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
    /// Registers a new user, proves its address, has <paramref name="owner"/> invite it to its organization and accepts
    /// the invitation signed in; the account answered acts in that organization.
    /// </summary>
    public static async Task<Account> JoinAsync(Api api, Account owner, string role)
    {
        var user = await api.RegisterAsync(organization: $"{role}'s own org");
        await api.VerifyEmailAsync(user);
        var invitation = await InviteAsync(api, owner, user.Email, role);
        var accepted = await api.As(user).PostAsync($"/api/v1/invitations/{invitation}/accept");
        accepted.Status.ShouldBe(HttpStatusCode.Created, accepted.Text);
        return user with { OrganizationId = owner.OrganizationId };
    }

    /// <summary>Has <paramref name="inviter"/> invite an address to its organization; answers the invitation's id.</summary>
    public static async Task<Guid> InviteAsync(Api api, Account inviter, string email, string role, Guid? organizationId = null)
    {
        var organization = organizationId ?? inviter.OrganizationId;
        var invited = await api.As(inviter, organization).PostAsync($"/api/v1/organizations/{organization}/members", new { email, role });
        invited.Status.ShouldBe(HttpStatusCode.Accepted, invited.Text);
        return Guid.Parse((string)invited.Json["invitation"]!["id"]!);
    }
}
