using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Tests.Support;

namespace Flipside.Tests.Programs;

public sealed class ProgramManagersTests(FlipsideFactory app) : ProgramsTestBase(app)
{
    private async Task<string> UserId(string email) =>
        await App.Query(db => Task.FromResult(db.Users.Single(u => u.Email == email).Id));

    [Fact]
    public async Task AnAdministrator_AddsAManager_WhoThenSeesTheProgram_AndRemovesTheFirst()
    {
        var id = await Create(Pam);

        var added = await Admin.PostAsJsonAsync($"/api/v1/programs/{id}/managers", new { email = "otto@example.com" });
        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Otto.GetAsync($"/api/v1/programs/{id}")).StatusCode);

        var removed = await Admin.DeleteAsync($"/api/v1/programs/{id}/managers/{await UserId("pam@example.com")}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Pam.GetAsync($"/api/v1/programs/{id}")).StatusCode);
    }

    [Fact]
    public async Task Adding_AnUnknownEmail_OrAnAccountThatIsNotAProgramManager_NamesTheEmail()
    {
        var id = await Create(Pam);
        await Given.AnAccount(App, Admin, "sam@example.com", Roles.Sponsor);

        Assert.Equal(["email"], await Fields(await Admin.PostAsJsonAsync($"/api/v1/programs/{id}/managers", new { email = "nobody@example.com" })));
        Assert.Equal(["email"], await Fields(await Admin.PostAsJsonAsync($"/api/v1/programs/{id}/managers", new { email = "sam@example.com" })));
        Assert.Single((await Get(Admin, id)).Managers);
    }

    [Fact]
    public async Task Removing_TheLastManager_IsRefused()
    {
        var id = await Create(Pam);

        var response = await Admin.DeleteAsync($"/api/v1/programs/{id}/managers/{await UserId("pam@example.com")}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("at least one manager", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AProgramManager_CannotChangeManagers()
    {
        var id = await Create(Pam);

        var api = await Pam.PostAsJsonAsync($"/api/v1/programs/{id}/managers", new { email = "otto@example.com" });
        var page = await Pam.Submit($"/Programs/Program?id={id}", new Dictionary<string, string> { ["ManagerEmail"] = "otto@example.com" }, $"/Programs/Program?id={id}&handler=AddManager");

        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/AccessDenied", page.Headers.Location!.OriginalString);
        Assert.Single((await Get(Pam, id)).Managers);
    }

    [Fact]
    public async Task TheAdministratorsPage_AddsAManager_AndNamesABadEmail()
    {
        var id = await Create(Pam);
        var url = $"/Programs/Program?id={id}";

        var bad = await Admin.Submit(url, new Dictionary<string, string> { ["ManagerEmail"] = "nobody@example.com" }, $"{url}&handler=AddManager");
        var good = await Admin.Submit(url, new Dictionary<string, string> { ["ManagerEmail"] = "otto@example.com" }, $"{url}&handler=AddManager");

        Assert.Contains("data-valmsg-for=\"ManagerEmail\" data-valmsg-replace=\"true\">No account has this email.", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(2, (await Get(Admin, id)).Managers.Count);
    }
}
