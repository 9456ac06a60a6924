using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flipside.Domain;
using Flipside.Features.Training;
using Flipside.Tests.Support;

namespace Flipside.Tests.Training;

/// <summary>A matching cohort of one leader (L1) and one mentor (M1), both enrolled, and what the training tests do with them.</summary>
public abstract class TrainingTestBase(FlipsideFactory app) : AdministeredTests(app)
{
    protected Guid ProgramId { get; private set; }
    protected Guid CohortId { get; private set; }
    protected Person Leader { get; private set; } = null!;
    protected Person Mentor { get; private set; } = null!;

    protected async Task ACohort(int leaders = 1, int mentors = 1)
    {
        (ProgramId, CohortId) = await Seed.AProgram(App, Given.AdminEmail, status: CohortStatus.Matching);
        var (l, m) = await Enrolled.Cohort(App, CohortId, leaders, mentors);
        (Leader, Mentor) = (l[0], m[0]);
    }

    protected string Training(string rest) => $"/api/v1/training{rest}";

    protected async Task Require(string[] forMentors, string[] forMentees, bool circles = false, Guid? programId = null)
    {
        var response = await Admin.PutAsJsonAsync(Training($"/programs/{programId ?? ProgramId}/requirements"),
            new { forMentors, forMentees, supervisionCircles = circles });
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    protected Task<HttpClient> As(Person person) => Given.AnAccount(App, Admin, person.Email, Roles.Participant);

    /// <summary>The right option of each question (1 first), read from the shipped module as the test's oracle.</summary>
    protected static int?[] RightAnswers(string key) =>
        [.. CheckQuestions.Parse(BuiltInModules.Find(key)!.Questions).Questions.Select(q => (int?)(q.Right + 1))];

    protected Task<HttpResponseMessage> Complete(HttpClient client, string key, object body, Guid? programId = null) =>
        client.PostAsJsonAsync(Training($"/programs/{programId ?? ProgramId}/modules/{key}/completion"), body);

    protected async Task CompleteRight(HttpClient client, string key, Guid? programId = null)
    {
        var response = await Complete(client, key, new { acknowledged = true, answers = RightAnswers(key) }, programId);
        var result = await response.Content.ReadFromJsonAsync<CompleteModule.Result>(Json.Options);
        Assert.True(result!.Completed);
    }

    protected static async Task<string> Detail(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
}
