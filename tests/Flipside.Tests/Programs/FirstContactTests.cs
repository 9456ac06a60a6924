using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Pairings;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Programs;

/// <summary>Who makes first contact once a pair is introduced: set on the program, followed by the introduction emails.</summary>
public sealed class FirstContactTests(FlipsideFactory app) : ProgramsTestBase(app)
{
    [Fact]
    public async Task ThroughTheApi_TheLeaderByDefault_AndTheMentorWhenChosen()
    {
        var byDefault = await Create(Pam);
        var input = AProgram("Mentors write first");
        input.FirstContactBy = "Mentor";

        var chosen = await Create(Pam, input);

        Assert.Equal("mentee", (await Get(Pam, byDefault)).Program.FirstContactBy);
        Assert.Equal("mentor", (await Get(Pam, chosen)).Program.FirstContactBy);
        Assert.Equal(ParticipantRole.Mentor, await App.Query(db => db.Programs.Where(p => p.Id == chosen).Select(p => p.FirstContactBy).SingleAsync()));
    }

    [Fact]
    public async Task ThroughTheEditForm_TheChoiceIsSaved_AndABadOneIsRefusedOnTheField()
    {
        var id = await Create(Pam);
        var page = $"/Programs/Edit?id={id}";
        Assert.Contains("Who makes first contact", await (await Pam.GetAsync(page)).Html());

        await Pam.Submit(page, Form(AProgram(), (await Get(Pam, id)).Version, "mentor"));
        Assert.Equal("mentor", (await Get(Pam, id)).Program.FirstContactBy);
        Assert.Matches("id=\"FirstContactBy-mentor\"[^>]*checked", await (await Pam.GetAsync(page)).Html());

        var refused = await Pam.Submit(page, Form(AProgram(), (await Get(Pam, id)).Version, "boss"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Say who makes first contact", await refused.Html());
        Assert.Equal("mentor", (await Get(Pam, id)).Program.FirstContactBy);
    }

    [Theory]
    [InlineData(ParticipantRole.Mentee)]
    [InlineData(ParticipantRole.Mentor)]
    public async Task TheIntroductionEmails_AskWhomTheProgramChoseToWriteFirst(ParticipantRole first)
    {
        var cohort = (await Seed.AProgram(App, Given.AdminEmail, p => p.FirstContactBy = first, CohortStatus.Matching)).CohortId;
        await Enrolled.Cohort(App, cohort, leaders: 1, mentors: 1);
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/matching/runs", new { })).StatusCode);
        var pairing = await App.Query(db => db.Pairings.SingleAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/pairings/{pairing.Id}/decision",
            new { decision = "approve" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync($"/api/v1/cohorts/{cohort}/matching/publish", null)).StatusCode);

        var emails = await App.Query(db => db.Outbox.Where(m => m.Kind == PairingEmails.IntroductionKind).ToListAsync());
        var (writer, waiter) = first == ParticipantRole.Mentor ? ("m1@example.com", "l1@example.com") : ("l1@example.com", "m1@example.com");
        Assert.Contains("The program asks you to make first contact", emails.Single(e => e.To == writer).TextBody);
        Assert.Contains("expect a message from them", emails.Single(e => e.To == waiter).TextBody);
    }

    private static Dictionary<string, string> Form(Features.Programs.ProgramInput p, int version, string firstContactBy) => new()
    {
        ["Version"] = version.ToString(CultureInfo.InvariantCulture),
        ["Input.Name"] = p.Name, ["Input.Purpose"] = p.Purpose,
        ["Input.Objectives[0].Title"] = p.Objectives[0].Title,
        ["Input.Objectives[0].Measures[0].Name"] = p.Objectives[0].Measures[0].Name,
        ["Input.Objectives[0].Measures[0].Target"] = "70",
        ["Input.CadenceWeeks"] = "4", ["Input.MinutesPerMeeting"] = "60", ["Input.DurationMonths"] = "6", ["Input.DefaultMentorCapacity"] = "1",
        ["Input.MentorLabel"] = "mentor", ["Input.MenteeLabel"] = "leader", ["Input.MinGradeGap"] = "2", ["Input.MinMentorTenureMonths"] = "12",
        ["Input.FirstContactBy"] = firstContactBy,
    };
}
