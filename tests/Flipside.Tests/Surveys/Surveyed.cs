using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Surveys;
using Flipside.Infrastructure.Jobs;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flipside.Tests.Surveys;

/// <summary>A program (managed by the administrator) whose cohort has enrolled leaders and mentors, some of them signed in.</summary>
public sealed record Surveyed(Guid ProgramId, Guid CohortId, List<Person> Leaders, List<Person> Mentors)
{
    public static readonly string[] Areas = ["AI and emerging technology", "Sustainability"];

    public static async Task<Surveyed> Make(FlipsideFactory app, int leaders = 2, int mentors = 2, CohortStatus status = CohortStatus.Enrolling, int threshold = 5,
        string manager = Given.AdminEmail)
    {
        var (program, cohort) = await Seed.AProgram(app, manager, p =>
        {
            p.FocusAreas = [.. Areas];
            p.AnonymityThreshold = threshold;
        }, status);
        var (l, m) = await Enrolled.Cohort(app, cohort, leaders, mentors);
        return new(program, cohort, l, m);
    }

    public static async Task<int> Run<TJob>(FlipsideFactory app) where TJob : IJob
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TJob>().RunOnceAsync(CancellationToken.None);
    }

    public Task<Guid> Survey(FlipsideFactory app, SurveyKind kind) =>
        app.Query(db => db.Surveys.Where(s => s.CohortId == CohortId && s.Kind == kind).Select(s => s.Id).SingleAsync());

    /// <summary>Every rated question for the role, answered with the same value.</summary>
    public static async Task<Dictionary<string, int?>> AllAnswered(HttpClient who, Guid surveyId, int value)
    {
        var view = (await who.GetFromJsonAsync<ViewSurvey.View>($"/api/v1/surveys/{surveyId}", Json.Options))!;
        return view.Questions.Where(q => !q.FreeText).ToDictionary(q => q.Key, q => (int?)Math.Clamp(value, q.Min, q.Max));
    }

    public static async Task Answered(HttpClient who, Guid surveyId, int value, string? comment = null)
    {
        var response = await who.PostAsJsonAsync($"/api/v1/surveys/{surveyId}/response", new { answers = await AllAnswered(who, surveyId, value), comment });
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }
}
