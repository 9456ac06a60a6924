using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Sessions;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Sessions;

/// <summary>A published pairing of two signed-in people, in the time zones a test chooses, managed by the administrator.</summary>
public sealed record APair(Guid ProgramId, Guid CohortId, Guid PairingId, Person Mentor, Person Mentee, HttpClient AsMentor, HttpClient AsMentee,
    Guid MentorEnrollmentId, Guid MenteeEnrollmentId)
{
    public static async Task<APair> Make(FlipsideFactory app, HttpClient admin, string mentorZone = "Europe/London", string menteeZone = "Europe/London",
        string suffix = "1", Guid? cohortId = null, Guid? programId = null)
    {
        var (program, cohort) = cohortId is { } c ? (programId!.Value, c)
            : await Seed.AProgram(app, Given.AdminEmail, p => p.FocusAreas = ["AI and emerging technology", "Sustainability"], CohortStatus.Active);
        var mentor = Seed.APerson("M" + suffix, 3, department: "Team " + suffix);
        mentor.TimeZone = mentorZone;
        var mentee = Seed.APerson("L" + suffix, 9, department: "Leadership " + suffix);
        mentee.TimeZone = menteeZone;
        var mentorEnrollment = await Enrolled.Enrol(app, cohort, mentor, ParticipantRole.Mentor, "Generative AI");
        var menteeEnrollment = await Enrolled.Enrol(app, cohort, mentee, ParticipantRole.Mentee, "Generative AI");
        var pairingId = await app.Query(async db =>
        {
            var pairing = Pairing.ByPerson(cohort, mentorEnrollment, menteeEnrollment, 10, new([], [], []), "admin", FlipsideFactory.Start);
            pairing.Publish(FlipsideFactory.Start);
            db.Pairings.Add(pairing);
            await db.SaveChangesAsync();
            return pairing.Id;
        });
        return new(program, cohort, pairingId, mentor, mentee, await Given.AnAccount(app, admin, mentor.Email, Roles.Participant),
            await Given.AnAccount(app, admin, mentee.Email, Roles.Participant), mentorEnrollment, menteeEnrollment);
    }

    /// <summary>Both sign in again: moving the test clock by days outlives the sign-in cookie.</summary>
    public async Task<APair> SignedInAgain(FlipsideFactory app) =>
        this with { AsMentor = await Given.SignedIn(app, Mentor.Email), AsMentee = await Given.SignedIn(app, Mentee.Email) };

    public Task<HttpResponseMessage> Propose(HttpClient who, string localStart, string? videoLink = null, int? minutes = null) =>
        who.PostAsJsonAsync($"/api/v1/pairings/{PairingId}/meetings", new { localStart, videoLink, minutes });

    public async Task<ProposeMeeting.Planned> Proposed(HttpClient who, string localStart, string? videoLink = null)
    {
        var response = await Propose(who, localStart, videoLink);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ProposeMeeting.Planned>(Json.Options))!;
    }

    public static Task SetHours(FlipsideFactory app, Guid enrollmentId, params int[] hours) => app.Query(async db =>
    {
        var profile = await db.Profiles.Include(p => p.Topics).SingleAsync(p => p.EnrollmentId == enrollmentId);
        profile.Availability = [.. hours];
        return await db.SaveChangesAsync();
    });

    /// <summary>The calendar files mailed to one person about one meeting, oldest first.</summary>
    public static Task<List<(string Kind, string ContentType, string Ics)>> Invites(FlipsideFactory app, string to) => app.Query(async db =>
        (await db.Outbox.Where(m => m.To == to && m.Kind != null && m.Kind.StartsWith("meeting-")).OrderBy(m => m.CreatedAt).ToListAsync())
            .Select(m => (m.Kind!, m.Attachments.Single().ContentType, System.Text.Encoding.UTF8.GetString(m.Attachments.Single().Content))).ToList());
}
