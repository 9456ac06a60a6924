using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Conversations;
using Flipside.Features.Matching;
using Flipside.Tests.Support;

namespace Flipside.Tests.Conversations;

/// <summary>
/// Two published pairings in one program managed by Pam (a program manager) and backed by Sia (a sponsor): L1 with
/// M1 and L2 with M2, each person signed in with their own account.
/// </summary>
public sealed record Pairs(Guid ProgramId, Guid CohortId, Guid First, Guid Second, HttpClient Mentor, HttpClient Mentee, HttpClient OtherMentee,
    HttpClient Manager, HttpClient Sponsor)
{
    public const string ManagerEmail = "pam@example.com";
    public const string SponsorEmail = "sia@example.com";

    public static async Task<Pairs> Published(FlipsideFactory app, HttpClient admin)
    {
        var manager = await Given.AnAccount(app, admin, ManagerEmail, Roles.ProgramManager);
        var sponsor = await Given.AnAccount(app, admin, SponsorEmail, Roles.Sponsor);
        var (programId, cohortId) = await Seed.AProgram(app, ManagerEmail, status: CohortStatus.Matching);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsJsonAsync($"/api/v1/programs/{programId}/sponsors", new { email = SponsorEmail })).StatusCode);
        var ids = new List<Guid>();
        foreach (var n in new[] { 1, 2 })
        {
            var (leader, mentor) = (Seed.APerson($"L{n}", 9, department: $"Board {n}"), Seed.APerson($"M{n}", 3, department: $"Team {n}"));
            await Enrolled.Enrol(app, cohortId, leader, ParticipantRole.Mentee, "Podcasting");
            await Enrolled.Enrol(app, cohortId, mentor, ParticipantRole.Mentor, "Podcasting");
            var made = await manager.PostAsJsonAsync($"/api/v1/cohorts/{cohortId}/pairings", new { menteePersonId = leader.Id, mentorPersonId = mentor.Id });
            Assert.Equal(HttpStatusCode.Created, made.StatusCode);
            ids.Add((await made.Content.ReadFromJsonAsync<PairByHand.Made>(Json.Options))!.PairingId);
        }
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/v1/cohorts/{cohortId}/matching/publish", null)).StatusCode);
        return new(programId, cohortId, ids[0], ids[1],
            await Given.AnAccount(app, admin, "m1@example.com", Roles.Participant), await Given.AnAccount(app, admin, "l1@example.com", Roles.Participant),
            await Given.AnAccount(app, admin, "l2@example.com", Roles.Participant), manager, sponsor);
    }

    public static string Notes(Guid pairing, string rest = "") => $"/api/v1/pairings/{pairing}/notes{rest}";
    public static string Messages(Guid pairing, string rest = "") => $"/api/v1/pairings/{pairing}/messages{rest}";

    public static async Task<ListNotes.Item> Write(HttpClient client, Guid pairing, string text, bool shared = false)
    {
        var response = await client.PostAsJsonAsync(Notes(pairing), new { text, shared });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ListNotes.Item>(Json.Options))!;
    }

    public static async Task Send(HttpClient client, Guid pairing, string text) =>
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(Messages(pairing), new { text })).StatusCode);
}
