using System.Globalization;
using System.Text;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Impact;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Surveys;

/// <summary>
/// A survey's results for its program's managers and sponsors: response rates, and, once the survey has closed, the
/// mean of each scale for everyone, the leaders and the mentors, every figure through <see cref="Anonymity.Gate{TKey}"/>
/// with the survey's own threshold and each scale's figures also gated with the rest of the program's set of that scale
/// (<see cref="Learning.Withheld"/>); comments only above <see cref="Anonymity.CommentsThreshold"/>. Never a single response.
/// </summary>
public static class SurveyResults
{
    /// <summary>A breakdown of the respondents: everyone, or one role.</summary>
    public enum Group { Everyone, Mentee, Mentor }

    public sealed record Figure(Group Group, string GroupLabel, string Scale, bool Retrospective, int? Respondents, double? Mean, string? HiddenBecause);

    public sealed record View(Guid SurveyId, Guid ProgramId, Guid CohortId, string Title, SurveyKind Kind, string CohortName, int Threshold,
        DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int Version, IReadOnlyList<ResponseRates.Rate> Rates, IReadOnlyList<Figure> Figures,
        IReadOnlyList<string> Comments, string? CommentsHiddenBecause, string? ResultsHiddenBecause);

    public const string StaffAndSponsorsOnly = "Only the program's managers and sponsors see a survey's results.";

    public const string NobodyAnswered = "Nobody has answered yet.";

    private static string CommentsHidden(int k) =>
        $"Comments are shown once at least {Anonymity.CommentsThreshold(k)} people have answered: words identify people more easily than numbers.";

    public static string WhileOpen(DateTimeOffset closesAt) =>
        $"Results are shown once the survey closes on {closesAt:d MMMM yyyy}; until then only the response rate is. Averages that moved with each "
        + "new answer could be read twice, and the difference would tell what the people who answered in between said.";

    public static async Task<Outcome<View>> Handle(Guid surveyId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!viewer.IsProgramStaff && !viewer.IsSponsor) return Outcome.Forbidden(StaffAndSponsorsOnly);
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == surveyId && viewer.ReportablePrograms.Any(p => p.Id == s.ProgramId), ct);
        if (survey is null) return Outcome.NotFound;
        var program = await db.Programs.AsNoTracking().Include(p => p.Cohorts).SingleAsync(p => p.Id == survey.ProgramId, ct);
        var cohort = program.Cohorts.Single(c => c.Id == survey.CohortId).Name;
        var rates = (await ResponseRates.For([survey], program, db, ct))[survey.Id];
        var now = clock.GetUtcNow();
        var k = survey.Threshold;
        if (now < survey.ClosesAt)
            return new View(survey.Id, survey.ProgramId, survey.CohortId, survey.Title, survey.Kind, cohort, k, survey.OpensAt, survey.ClosesAt, survey.Version,
                rates, [], [], null, WhileOpen(survey.ClosesAt));
        // Fewer than k answered: one sentence for the whole survey, not a table of hidden rows. The count is the response
        // rate's, which is shown anyway.
        var answered = rates.Sum(r => r.Answered);
        if (answered < k)
            return new View(survey.Id, survey.ProgramId, survey.CohortId, survey.Title, survey.Kind, cohort, k, survey.OpensAt, survey.ClosesAt, survey.Version,
                rates, [], [], answered == 0 ? null : CommentsHidden(k), answered == 0 ? NobodyAnswered : Anonymity.TooFew(k));
        var responses = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == survey.Id).ToListAsync(ct);
        string Label(Group g) => g switch { Group.Mentee => Capital(program.MenteeLabel) + "s", Group.Mentor => Capital(program.MentorLabel) + "s", _ => "Everyone" };
        var data = await ImpactReport.Load(program, now, db, ct);
        var withheld = Learning.Withheld(Learning.Score(data), data.Waves, data.Threshold);
        var figures = Figures(survey, responses, Label).Select(f => withheld.TryGetValue(f.Scale, out var why) ? f with { Respondents = null, Mean = null, HiddenBecause = why } : f).ToList();

        var comments = responses.Where(r => r.Comment is not null).Select(r => r.Comment!).ToList();
        var commentsOk = responses.Count >= Anonymity.CommentsThreshold(k);
        // Sorted by their text: the order of writing would line comments up with the days people answered.
        return new View(survey.Id, survey.ProgramId, survey.CohortId, survey.Title, survey.Kind, cohort, k, survey.OpensAt, survey.ClosesAt, survey.Version,
            rates, figures, commentsOk ? [.. comments.Order(StringComparer.Ordinal)] : [],
            commentsOk ? null : CommentsHidden(k), null);
    }

    /// <summary>
    /// One candidate figure per group and scale (and "looking back" scale). The figures of one scale are gated together,
    /// so that no two of them can be subtracted to describe fewer than k people; a hidden figure carries its reason
    /// and no count. Means of different scales measure different things, so subtracting across them reveals nothing.
    /// </summary>
    public static IReadOnlyList<Figure> Figures(Survey survey, IReadOnlyList<SurveyResponse> responses, Func<Group, string> label)
    {
        var figures = new List<Figure>();
        foreach (var scale in survey.Questions.Where(q => !q.FreeText).GroupBy(q => (q.Scale, q.Retrospective)))
        {
            var items = scale.ToDictionary(q => q.Key);
            var candidates = new List<(Group Group, Dictionary<string, double> Scores)>();
            foreach (var group in Enum.GetValues<Group>())
            {
                // A respondent's score on a scale: the mean of their scored items on it.
                var scores = responses.Where(r => group == Group.Everyone || r.Role == (group == Group.Mentor ? ParticipantRole.Mentor : ParticipantRole.Mentee))
                    .Select(r => (r.Pseudonym, Values: r.Answers.Where(a => items.ContainsKey(a.Key)).Select(a => (double)items[a.Key].Scored(a.Value)).ToList()))
                    .Where(x => x.Values.Count > 0).ToDictionary(x => x.Pseudonym, x => x.Values.Average());
                if (scores.Count > 0) candidates.Add((group, scores));
            }
            var gated = Anonymity.Gate(candidates.Select((c, i) => new RespondentGroup<int>(i, c.Scores.Keys.ToHashSet())), survey.Threshold);
            figures.AddRange(gated.Select(g =>
            {
                var c = candidates[g.Key];
                return new Figure(c.Group, label(c.Group), scale.Key.Scale, scale.Key.Retrospective, g.Shown ? g.Respondents : null,
                    g.Shown ? Math.Round(c.Scores.Values.Average(), 2) : null, g.HiddenBecause);
            }));
        }
        return [.. figures.OrderBy(f => f.Group)];
    }

    /// <summary>The figures of one group as CSV, or the sentence that says why not: a group under k is refused, not emptied.</summary>
    public static async Task<Outcome<string>> Csv(Guid surveyId, Group group, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var view = await Handle(surveyId, viewer, db, clock, ct);
        if (!view.IsOk) return view.Problem!;
        if (view.Value.ResultsHiddenBecause is { } why) return Outcome.Conflict(why);
        var figures = view.Value.Figures.Where(f => f.Group == group).ToList();
        if (figures.Count == 0 || figures.All(f => f.Mean is null))
            return Outcome.Conflict(figures.FirstOrDefault()?.HiddenBecause ?? Anonymity.TooFew(view.Value.Threshold));
        var csv = new StringBuilder("group,scale,looking_back,respondents,mean\n");
        foreach (var f in figures.Where(f => f.Mean is not null))
            csv.Append(CultureInfo.InvariantCulture, $"{Quote(f.GroupLabel)},{Quote(f.Scale)},{(f.Retrospective ? "yes" : "no")},{f.Respondents},{f.Mean!.Value.ToString("0.00", CultureInfo.InvariantCulture)}\n");
        return csv.ToString();
    }

    private static string Quote(string text)
    {
        // A leading =, +, - or @ would run as a formula in a spreadsheet.
        var safe = text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
