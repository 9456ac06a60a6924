using Flipside.Domain;
using Flipside.Tests.Agreements;
using Flipside.Tests.Support;

namespace Flipside.Tests.Insights;

/// <summary>
/// A published cohort whose program has two focus areas and the lowest threshold (3), so that few pairs reach it; insights
/// of other pairs are written straight to the database when the test's subject is what leadership sees.
/// </summary>
public static class Insighted
{
    public const int K = 3;
    public const string Ai = "Generative AI";
    public const string Green = "Sustainability";

    public static void Configure(MentoringProgram p)
    {
        p.FocusAreas = [Ai, Green];
        p.AnonymityThreshold = K;
    }

    public static Task<Paired.Published> Cohort(FlipsideFactory app, HttpClient admin, int pairs) => Paired.Cohort(app, admin, pairs, Configure);

    public static string Url(Guid pairingId) => $"/api/v1/pairings/{pairingId}/insights";

    public static string Leadership(Guid programId, string query = "") => $"/api/v1/programs/{programId}/insights{query}";

    /// <summary>One insight per listed pair, as if each had raised it (focus area, text), returning their ids in order.</summary>
    public static Task<List<Guid>> Raised(FlipsideFactory app, Paired.Published cohort, params (int Pair, string Area, string Text)[] insights) =>
        app.Query(async db =>
        {
            var rows = insights.Select(i => new Insight(cohort.ProgramId, cohort.Pairs[i.Pair].PairingId, ParticipantRole.Mentor, i.Area, i.Text,
                FlipsideFactory.Start)).ToList();
            db.Insights.AddRange(rows);
            await db.SaveChangesAsync();
            return rows.Select(r => r.Id).ToList();
        });
}
