using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Programs;
using Flipside.Tests.Support;

namespace Flipside.Tests.Programs;

public sealed class ProgramsApiTests(FlipsideFactory app) : ProgramsTestBase(app)
{
    [Fact]
    public async Task Create_StoresEverything_AndMakesTheCreatorAManager()
    {
        var program = AProgram();
        program.CadenceWeeks = 2;
        program.MinutesPerMeeting = 45;
        program.DurationMonths = 9;
        program.DefaultMentorCapacity = 2;
        program.MentorLabel = "reverse mentor";
        program.MenteeLabel = "executive";
        program.MinGradeGap = 3;
        program.MinMentorTenureMonths = 6;
        program.RequireManagerApproval = true;
        program.ExcludeSameDepartment = true;

        var id = await Create(Pam, program);

        var saved = await Get(Pam, id);
        Assert.Equal("Digital fluency", saved.Program.Name);
        Assert.Equal(ProgramStatus.Active, saved.Status);
        var measure = Assert.Single(Assert.Single(saved.Program.Objectives).Measures);
        Assert.Equal(("%", 35m, 70m, "usage analytics", "at start and after 6 months"), (measure.Unit, measure.Baseline!.Value, measure.Target!.Value, measure.Method, measure.Timing));
        Assert.Equal(["Collaboration tools", "Telemedicine"], saved.Program.FocusAreas);
        Assert.Equal((2, 45, 9, 2, "reverse mentor", "executive"), (saved.Program.CadenceWeeks, saved.Program.MinutesPerMeeting,
            saved.Program.DurationMonths, saved.Program.DefaultMentorCapacity, saved.Program.MentorLabel, saved.Program.MenteeLabel));
        Assert.Equal((3, 6, true, true), (saved.Program.MinGradeGap, saved.Program.MinMentorTenureMonths, saved.Program.RequireManagerApproval, saved.Program.ExcludeSameDepartment));
        Assert.Equal("45 minutes every two weeks", saved.Cadence);
        Assert.Equal("pam@example.com", Assert.Single(saved.Managers).Email);
    }

    [Fact]
    public async Task Create_WithoutChoices_UsesTheDefaults()
    {
        var response = await Pam.PostAsJsonAsync("/api/v1/programs", new
        {
            name = "Defaults",
            objectives = new[] { new { title = "Why", measures = new[] { new { name = "Ideas raised to leadership", target = 3 } } } },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var saved = (await response.Content.ReadFromJsonAsync<ProgramQueries.ProgramDetails>(Json))!;
        Assert.Equal((4, 60, 6, 2, 12, false, false), (saved.Program.CadenceWeeks, saved.Program.MinutesPerMeeting, saved.Program.DurationMonths,
            saved.Program.MinGradeGap, saved.Program.MinMentorTenureMonths, saved.Program.RequireManagerApproval, saved.Program.ExcludeSameDepartment));
        Assert.Equal("60 minutes a month", saved.Cadence);
    }

    [Theory]
    [InlineData("name", "")]
    [InlineData("name", "201")]
    [InlineData("objectives", "none")]
    [InlineData("objectives[0].title", "")]
    [InlineData("objectives[0].measures", "none")]
    [InlineData("objectives[0].measures[0].name", "")]
    [InlineData("objectives[0].measures[0].target", "")]
    [InlineData("durationMonths", "0")]
    [InlineData("durationMonths", "25")]
    [InlineData("cadenceWeeks", "0")]
    [InlineData("cadenceWeeks", "13")]
    [InlineData("minutesPerMeeting", "14")]
    [InlineData("minutesPerMeeting", "241")]
    [InlineData("defaultMentorCapacity", "0")]
    [InlineData("defaultMentorCapacity", "11")]
    [InlineData("minGradeGap", "-1")]
    [InlineData("minGradeGap", "10")]
    [InlineData("minMentorTenureMonths", "-1")]
    [InlineData("minMentorTenureMonths", "121")]
    [InlineData("mentorLabel", "")]
    [InlineData("firstContactBy", "boss")]
    [InlineData("firstContactBy", "")]
    public async Task Create_WithABadValue_NamesTheField_AndWritesNothing(string field, string value)
    {
        var program = Spoil(AProgram(), field, value);

        var response = await Pam.PostAsJsonAsync("/api/v1/programs", program);

        Assert.Equal([field], await Fields(response));
        Assert.Equal(0, await CountPrograms());
    }

    [Fact]
    public async Task Update_WithABadValue_NamesTheField_AndChangesNothing()
    {
        var id = await Create(Pam);

        var response = await Pam.PutAsJsonAsync($"/api/v1/programs/{id}", Spoil(AProgram("Renamed"), "durationMonths", "30"));

        Assert.Equal(["durationMonths"], await Fields(response));
        Assert.Equal("Digital fluency", (await Get(Pam, id)).Program.Name);
    }

    [Fact]
    public async Task Update_ChangesTargets_AddsAndRemovesRows_AndKeepsExistingIds()
    {
        var id = await Create(Pam);
        var measureId = await App.Query(db => Task.FromResult(db.Measures.Single().Id));
        var changed = AProgram("Digital fluency 2027");
        changed.Objectives[0].Measures[0].Target = 80;
        changed.Objectives.Add(new() { Title = "Leaders hear new ideas", Measures = [new() { Name = "Ideas raised to leadership", Unit = "ideas per pair", Target = 3 }] });

        var response = await Pam.PutAsJsonAsync($"/api/v1/programs/{id}", changed);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var saved = await Get(Pam, id);
        Assert.Equal("Digital fluency 2027", saved.Program.Name);
        Assert.Equal([80m, 3m], saved.Program.Objectives.SelectMany(o => o.Measures).Select(m => m.Target!.Value));
        Assert.Equal(measureId, await App.Query(db => Task.FromResult(db.Measures.Single(m => m.Name.StartsWith("Leaders")).Id)));

        changed.Objectives.RemoveAt(0);
        Assert.Equal(HttpStatusCode.NoContent, (await Pam.PutAsJsonAsync($"/api/v1/programs/{id}", changed)).StatusCode);
        Assert.Equal(["Leaders hear new ideas"], (await Get(Pam, id)).Program.Objectives.Select(o => o.Title));
        Assert.Equal(1, await App.Query(db => Task.FromResult(db.Measures.Count())));
    }

    [Fact]
    public async Task AProgramManager_SeesOnlyProgramsTheyManage_OthersAre404()
    {
        var pams = await Create(Pam, AProgram("Pam's program"));
        await Create(Otto, AProgram("Otto's program"));

        var list = await Pam.GetFromJsonAsync<List<ProgramQueries.ProgramRow>>("/api/v1/programs", Json);
        Assert.Equal(["Pam's program"], list!.Select(p => p.Name));
        Assert.Equal(HttpStatusCode.NotFound, (await Otto.GetAsync($"/api/v1/programs/{pams}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Otto.PutAsJsonAsync($"/api/v1/programs/{pams}", AProgram("Taken"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Otto.PostAsync($"/api/v1/programs/{pams}/archive", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Otto.GetAsync($"/api/v1/programs/{pams}/cohorts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Otto.PostAsJsonAsync($"/api/v1/programs/{pams}/cohorts",
            new { name = "Sneaky", startsOn = "2027-01-01", endsOn = "2027-02-01", capacity = 1 })).StatusCode);
        Assert.Equal("Pam's program", (await Get(Pam, pams)).Program.Name);

        var all = await Admin.GetFromJsonAsync<List<ProgramQueries.ProgramRow>>("/api/v1/programs", Json);
        Assert.Equal(2, all!.Count);
    }

    [Theory]
    [InlineData(Roles.Sponsor)]
    [InlineData(Roles.Participant)]
    public async Task SponsorsAndParticipants_AreRefused(string role)
    {
        var id = await Create(Pam);
        var someone = await Given.AnAccount(App, Admin, $"{role.ToLowerInvariant()}@example.com", role);

        Assert.Equal(HttpStatusCode.Forbidden, (await someone.GetAsync("/api/v1/programs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await someone.GetAsync($"/api/v1/programs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await someone.PostAsJsonAsync("/api/v1/programs", AProgram())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await someone.GetAsync("/api/v1/program-templates")).StatusCode);
        var page = await someone.GetAsync($"/Programs/Program?id={id}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/AccessDenied", page.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Archive_AndRestore()
    {
        var id = await Create(Pam);

        Assert.Equal(HttpStatusCode.NoContent, (await Pam.PostAsync($"/api/v1/programs/{id}/archive", null)).StatusCode);
        Assert.Equal(ProgramStatus.Archived, (await Get(Pam, id)).Status);
        var edit = await Pam.PutAsJsonAsync($"/api/v1/programs/{id}", AProgram("While archived"));
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Contains("Restore it", await edit.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await Pam.PostAsync($"/api/v1/programs/{id}/restore", null)).StatusCode);
        Assert.Equal(ProgramStatus.Active, (await Get(Pam, id)).Status);
    }

    internal static ProgramInput Spoil(ProgramInput p, string field, string value)
    {
        int Number() => int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        switch (field)
        {
            case "name": p.Name = value == "201" ? new string('x', 201) : value; break;
            case "objectives": p.Objectives.Clear(); break;
            case "objectives[0].title": p.Objectives[0].Title = value; break;
            case "objectives[0].measures": p.Objectives[0].Measures.Clear(); break;
            case "objectives[0].measures[0].name": p.Objectives[0].Measures[0].Name = value; break;
            case "objectives[0].measures[0].target": p.Objectives[0].Measures[0].Target = null; break;
            case "durationMonths": p.DurationMonths = Number(); break;
            case "cadenceWeeks": p.CadenceWeeks = Number(); break;
            case "minutesPerMeeting": p.MinutesPerMeeting = Number(); break;
            case "defaultMentorCapacity": p.DefaultMentorCapacity = Number(); break;
            case "minGradeGap": p.MinGradeGap = Number(); break;
            case "minMentorTenureMonths": p.MinMentorTenureMonths = Number(); break;
            case "mentorLabel": p.MentorLabel = value; break;
            case "firstContactBy": p.FirstContactBy = value; break;
            default: throw new ArgumentException($"No way to spoil {field}.", nameof(field));
        }
        return p;
    }
}
