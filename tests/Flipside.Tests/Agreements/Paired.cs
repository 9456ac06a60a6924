using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flipside.Domain;
using Flipside.Features.Matching;
using Flipside.Tests.Support;

namespace Flipside.Tests.Agreements;

/// <summary>A cohort matched and published through the API: the starting point of every agreement and goal.</summary>
public static class Paired
{
    public sealed record Pair(Guid PairingId, Person Mentor, Person Leader);

    public sealed record Published(Guid ProgramId, Guid CohortId, IReadOnlyList<Pair> Pairs);

    public static async Task<Published> Cohort(FlipsideFactory app, HttpClient admin, int pairs, Action<MentoringProgram>? configure = null)
    {
        var (programId, cohortId) = await Seed.AProgram(app, Given.AdminEmail, configure, status: CohortStatus.Matching);
        var (leaders, mentors) = await Enrolled.Cohort(app, cohortId, pairs, pairs);
        var url = $"/api/v1/cohorts/{cohortId}";
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"{url}/matching/runs", new { })).StatusCode);
        var board = (await admin.GetFromJsonAsync<MatchingBoard.Board>($"{url}/matching", Json.Options))!;
        foreach (var p in board.Pairs)
            Assert.True((await admin.PostAsJsonAsync($"{url}/pairings/{p.Id}/decision", new { decision = "approve" })).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{url}/matching/publish", null)).StatusCode);
        var people = leaders.Concat(mentors).ToDictionary(p => p.Id);
        Assert.Equal(pairs, board.Pairs.Count);
        return new(programId, cohortId, [.. board.Pairs.Select(p => new Pair(p.Id, people[p.MentorPersonId], people[p.MenteePersonId]))]);
    }

    public static Task<HttpClient> As(FlipsideFactory app, HttpClient admin, Person person) => Given.AnAccount(app, admin, person.Email, Roles.Participant);

    public static async Task<string> Detail(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
}
