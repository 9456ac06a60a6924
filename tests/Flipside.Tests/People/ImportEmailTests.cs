using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Flipside.Tests.People.PeopleFiles;

namespace Flipside.Tests.People;

/// <summary>An account finds its directory person by email, so the directory holds each email once, in lower case.</summary>
public sealed class ImportEmailTests(FlipsideFactory app) : AdministeredTests(app)
{
    [Fact]
    public async Task AnEmailTwiceInTheFile_InAnyCase_IsReportedOnEveryRowAfterTheFirst_AndWritesNothing()
    {
        var problems = await Admin.Refused(Csv(Row("A1", email: "sam@example.com"), Row("A2"), Row("A3", email: "Sam@Example.com"),
            Row("A4", email: "SAM@example.com")));

        Assert.Equal([(4, "email", "sam@example.com"), (5, "email", "sam@example.com")], problems.Select(p => (p.Row, p.Column, p.Value)).ToArray());
        Assert.All(problems, p => Assert.Contains("also on row 2", p.Text, StringComparison.Ordinal));
        Assert.All(problems, p => Assert.Contains("their own email", p.Fix, StringComparison.Ordinal));
        Assert.Equal(0, await App.PeopleCount());
    }

    [Fact]
    public async Task AnEmailHeldBySomeoneElseInTheDirectory_IsRefused_NamingWhoHoldsIt()
    {
        await Admin.Applied(Csv(Row("A1", email: "sam@example.com", name: "Sam Holder"), Row("A2")));

        var problems = await Admin.Refused(Csv(Row("B1"), Row("B2", email: "SAM@example.com")));

        var problem = Assert.Single(problems);
        Assert.Equal((3, "email", "sam@example.com"), (problem.Row, problem.Column, problem.Value));
        Assert.Contains("belongs to Sam Holder (A1)", problem.Text, StringComparison.Ordinal);
        Assert.Contains("add a row for A1", problem.Fix, StringComparison.Ordinal);
        Assert.Equal(2, await App.PeopleCount());
    }

    [Fact]
    public async Task AnEmailOfSomeoneWhoHasLeft_GoesToTheNewcomer_AndIsReleasedFromTheLeaver()
    {
        await Admin.Applied(Csv(Row("A1", email: "sam@example.com", status: "left"), Row("A2")));

        // Sam came back under a new employee id, with the old mailbox.
        var counts = await Admin.Applied(Csv(Row("B1", email: "Sam@example.com")));

        Assert.Equal((1, 0, 0, 0), counts);
        var emails = await App.Query(db => db.People.ToDictionaryAsync(p => p.EmployeeId, p => p.Email));
        Assert.Equal("sam@example.com", emails["B1"]);
        Assert.StartsWith("(released) ", emails["A1"], StringComparison.Ordinal);
        Assert.Equal("a2@example.com", emails["A2"]);
    }

    [Fact]
    public async Task EmailsSwappedOrPassedOnWithinTheFile_AreApplied_BecauseTheCheckIsOnTheDirectoryAfterTheImport()
    {
        await Admin.Applied(Csv(Row("A1", email: "one@example.com"), Row("A2", email: "two@example.com"), Row("A3", email: "three@example.com")));

        // A1 and A2 swap; A3 hands its address to a newcomer and takes a new one.
        var counts = await Admin.Applied(Csv(Row("A1", email: "two@example.com"), Row("A2", email: "one@example.com"),
            Row("A3", email: "new.three@example.com"), Row("A4", email: "Three@Example.com")));

        Assert.Equal((1, 3, 0, 0), counts);
        var emails = await App.Query(db => db.People.OrderBy(p => p.EmployeeId).Select(p => p.Email).ToListAsync());
        Assert.Equal(["two@example.com", "one@example.com", "new.three@example.com", "three@example.com"], emails);
    }

    [Fact]
    public async Task EmailsAreStoredInLowerCase_SoAnAccountTypedInAnotherCaseFindsItsPerson()
    {
        await Admin.Applied(Csv(Row("M1", email: "Mia.Okafor@Example.com", grade: 8)));
        var (_, cohort) = await Seed.AProgram(App, Given.AdminEmail, openForApplications: true);
        var mia = await Given.AnAccount(App, Admin, "MIA.OKAFOR@example.COM", Roles.Participant);

        var applied = await mia.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/applications", new { role = "Mentee", motivation = "I want to learn how my teams use AI." });

        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        Assert.Equal("mia.okafor@example.com", await App.Query(db => db.People.Select(p => p.Email).SingleAsync()));
        // Importing the same file again changes nothing, though the file writes the email in another case.
        Assert.Equal((0, 0, 1, 0), await Admin.Applied(Csv(Row("M1", email: "Mia.Okafor@Example.com", grade: 8))));
    }

    [Fact]
    public async Task TheDirectoryRefusesASecondPersonWithTheSameEmail()
    {
        await Seed.People(App, Seed.APerson("D1", 3));
        var twin = Seed.APerson("D2", 3);
        twin.Email = "d1@example.com";

        await Assert.ThrowsAsync<DbUpdateException>(() => Seed.People(App, twin));
    }
}
