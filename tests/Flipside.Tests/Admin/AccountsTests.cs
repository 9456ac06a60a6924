using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Admin;
using Flipside.Tests.Support;

namespace Flipside.Tests.Admin;

public sealed class AccountsTests(FlipsideFactory app) : AdministeredTests(app)
{
    private async Task<string> IdOf(string email) =>
        (await Admin.GetFromJsonAsync<List<ChangeAccount.AccountRow>>("/api/v1/admin/users"))!.Single(a => a.Email == email).Id;

    [Fact]
    public async Task Deactivate_EndsThePersonsSessionWithinAMinute()
    {
        var person = await Given.AnAccount(App, Admin, "nia@example.com", Roles.Participant);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/api/v1/account/me")).StatusCode);

        var deactivated = await Admin.PostAsync($"/api/v1/admin/users/{await IdOf("nia@example.com")}/deactivate", null);
        Assert.Equal(HttpStatusCode.NoContent, deactivated.StatusCode);
        App.Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(HttpStatusCode.Unauthorized, (await person.GetAsync("/api/v1/account/me")).StatusCode);
        var again = await App.Browser().PostAsJsonAsync("/api/v1/account/sign-in", new { email = "nia@example.com", password = Given.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [Fact]
    public async Task Reactivate_LetsThePersonSignInAgain()
    {
        await Given.AnAccount(App, Admin, "nia@example.com", Roles.Participant);
        var id = await IdOf("nia@example.com");
        await Admin.PostAsync($"/api/v1/admin/users/{id}/deactivate", null);

        await Admin.PostAsync($"/api/v1/admin/users/{id}/reactivate", null);

        await Given.SignedIn(App, "nia@example.com");
    }

    [Fact]
    public async Task AnAdministrator_CannotDeactivateThemselves_OrDropTheirOwnRole()
    {
        var me = await IdOf(Given.AdminEmail);

        var deactivate = await Admin.PostAsync($"/api/v1/admin/users/{me}/deactivate", null);
        var roles = await Admin.PutAsJsonAsync($"/api/v1/admin/users/{me}/roles", new { roles = new[] { Roles.Participant } });

        Assert.True(deactivate.StatusCode == HttpStatusCode.Conflict, await deactivate.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, roles.StatusCode);
        Assert.Contains("cannot", (await roles.Content.ReadAsStringAsync()), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SetRoles_GivesAProgramManagerRole()
    {
        await Given.AnAccount(App, Admin, "pam@example.com", Roles.Participant);

        var response = await Admin.PutAsJsonAsync($"/api/v1/admin/users/{await IdOf("pam@example.com")}/roles", new { roles = new[] { Roles.ProgramManager, Roles.Participant } });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var pam = await Given.SignedIn(App, "pam@example.com");
        Assert.Contains("Your programs", await (await pam.GetAsync("/")).Html());
    }

    [Fact]
    public async Task SetRoles_ReachesASessionAlreadyOpen_WithinAMinute_WithoutSigningThePersonOut()
    {
        var pam = await Given.AnAccount(App, Admin, "pam@example.com", Roles.Participant);
        Assert.Equal(HttpStatusCode.Forbidden, (await pam.GetAsync("/api/v1/programs")).StatusCode);

        await Admin.PutAsJsonAsync($"/api/v1/admin/users/{await IdOf("pam@example.com")}/roles", new { roles = new[] { Roles.ProgramManager } });
        App.Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(HttpStatusCode.OK, (await pam.GetAsync("/api/v1/programs")).StatusCode);
    }

    [Fact]
    public async Task SetRoles_WithAnUnknownRole_Is400_AndUnknownAccountsAre404()
    {
        var bad = await Admin.PutAsJsonAsync($"/api/v1/admin/users/{await IdOf(Given.AdminEmail)}/roles", new { roles = new[] { "Overlord" } });
        var missing = await Admin.PostAsync("/api/v1/admin/users/no-such-id/deactivate", null);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task AccountsPage_ListsEveryAccount_AndDeactivatesFromTheForm()
    {
        await Given.AnAccount(App, Admin, "nia@example.com", Roles.Participant);
        var id = await IdOf("nia@example.com");

        var response = await Admin.Submit("/Admin/Users", new Dictionary<string, string> { ["id"] = id, ["active"] = "false" }, "/Admin/Users?handler=Active");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await (await Admin.GetAsync("/Admin/Users")).Html();
        Assert.Contains("nia@example.com", page);
        Assert.Contains("Deactivated", page);
    }
}
