using System.Globalization;
using Flipside.Domain;
using Flipside.Tests.Support;

namespace Flipside.Tests.Impact;

/// <summary>
/// Baseline and final surveys of a cohort, with responses written straight to the database: the scale "Confidence" of
/// three 1–5 items (c3 reverse-scored), the final's retrospective "then:" items and its 0–10 recommendation.
/// </summary>
public static class SeededSurveys
{
    public const string Scale = "Confidence";

    public sealed record Row(string Pseudonym, int[]? Baseline, int[]? Final, int[]? Then, int? Recommend);

    public static IReadOnlyList<SurveyQuestion> Items(bool final)
    {
        var items = new List<SurveyQuestion>
        {
            new() { Key = "c1", Text = "I can use the tools my team uses.", Scale = Scale },
            new() { Key = "c2", Text = "I know where to start with a new tool.", Scale = Scale },
            new() { Key = "c3", Text = "New tools make me anxious.", Scale = Scale, Reversed = true },
        };
        if (!final) return items;
        items.AddRange(items.ToList().Select(q => new SurveyQuestion
        {
            Key = "then:" + q.Key, Text = "Looking back: " + q.Text, Scale = Scale, Reversed = q.Reversed, Retrospective = true,
        }));
        items.Add(new() { Key = "recommend", Text = "How likely are you to recommend the program?", Min = 0, Max = 10 });
        return items;
    }

    /// <summary>The rows of the shipped fixture, impact-fixture.csv (an empty cell: that survey or item was not answered).</summary>
    public static IReadOnlyList<Row> Fixture()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Impact", "impact-fixture.csv");
        return [.. File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).Select(line =>
        {
            var cells = line.Split(',');
            int[]? Three(int from) => cells[from].Length == 0 ? null : [.. cells.Skip(from).Take(3).Select(c => int.Parse(c, CultureInfo.InvariantCulture))];
            return new Row(cells[0], Three(1), Three(4), Three(7), cells[10].Length == 0 ? null : int.Parse(cells[10], CultureInfo.InvariantCulture));
        })];
    }

    /// <summary>Rows whose baseline and final differ by the given change on every item, for counts rather than numbers.</summary>
    public static IEnumerable<Row> Simple(string prefix, int count, int change = 1) => Enumerable.Range(1, count)
        .Select(i => new Row($"{prefix}{i:00}", [2, 2, 4], [2 + change, 2 + (i % 2 == 0 ? change : 0), 4 - change], [2, 2, 4], 9));

    public static async Task Seed(FlipsideFactory app, Guid programId, Guid cohortId, IEnumerable<Row> rows, int k = Anonymity.DefaultThreshold)
    {
        await app.Query(async db =>
        {
            var now = app.Clock.GetUtcNow();
            var baseline = new Survey(programId, cohortId, SurveyKind.Baseline, "Before we start", now.AddDays(-90), now.AddDays(-80), k, Items(false), now.AddDays(-91));
            var final = new Survey(programId, cohortId, SurveyKind.Final, "At the end", now.AddDays(-10), now.AddDays(-1), k, Items(true), now.AddDays(-11));
            db.Surveys.AddRange(baseline, final);
            foreach (var r in rows)
            {
                if (r.Baseline is { } b) db.SurveyResponses.Add(new SurveyResponse(baseline.Id, r.Pseudonym, ParticipantRole.Mentee, Answers("", b), null));
                var answers = new List<SurveyAnswer>();
                if (r.Final is { } f) answers.AddRange(Answers("", f));
                if (r.Then is { } t) answers.AddRange(Answers("then:", t));
                if (r.Recommend is { } rec) answers.Add(new SurveyAnswer { Key = "recommend", Value = rec });
                if (answers.Count > 0) db.SurveyResponses.Add(new SurveyResponse(final.Id, r.Pseudonym, ParticipantRole.Mentee, answers, null));
            }
            return await db.SaveChangesAsync();
        });
    }

    private static IEnumerable<SurveyAnswer> Answers(string prefix, int[] values) =>
        values.Select((v, i) => new SurveyAnswer { Key = $"{prefix}c{i + 1}", Value = v });
}
