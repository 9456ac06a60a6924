using System.Text.Json;
using Flipside.Domain;
using Flipside.Matching;
using Flipside.Matching.Fairness;
using Flipside.Matching.Profiles;

namespace Flipside.Features.Matching;

/// <summary>
/// What a run found, kept with it as JSON: its pairs (by person id, with names as they were), everyone it left
/// unmatched with the engine's reasons, whoever was left out before the run, and the fairness groups.
/// </summary>
public sealed record RunDetail(
    IReadOnlyList<RunDetail.Pair> Pairs,
    IReadOnlyList<RunDetail.Unpaired> Unmatched,
    IReadOnlyList<RunDetail.Unpaired> LeftOut,
    IReadOnlyList<RunDetail.Group> Fairness)
{
    public sealed record Pair(Guid MenteeId, string MenteeName, Guid MentorId, string MentorName, long Score, bool Locked);
    public sealed record Unpaired(Guid PersonId, string Name, ParticipantRole Role, IReadOnlyList<string> Reasons);
    public sealed record Group(ParticipantRole Side, string Dimension, string Name, int People, int Matched, double MatchRate, double MeanScore,
        bool MatchRateFlag, bool MeanScoreFlag);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RunDetail Empty { get; } = new([], [], [], []);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RunDetail FromJson(string json) => JsonSerializer.Deserialize<RunDetail>(json, Json) ?? Empty;

    public IEnumerable<Group> Flagged => Fairness.Where(g => g.MatchRateFlag || g.MeanScoreFlag);

    /// <summary>
    /// The run as this reader may see it: groups by generation derive from birth years, which only administrators
    /// see, so everyone else reads the fairness summary without them.
    /// </summary>
    public RunDetail SeenBy(bool administrator) => administrator ? this : this with { Fairness = [.. Fairness.Where(g => g.Dimension != BirthGenerations.Dimension)] };

    public static RunDetail From(CohortMatchRequest.Result compiled, MatchSetup.Setup setup, MatchResult result)
    {
        string Name(string personId) => compiled.Members[Guid.Parse(personId)].Name;
        var pairs = result.Pairings
            .Select(p => new Pair(Guid.Parse(p.MenteeId), Name(p.MenteeId), Guid.Parse(p.MentorId), Name(p.MentorId), p.Score, p.Locked))
            .OrderBy(p => p.MenteeName, StringComparer.Ordinal).ThenBy(p => p.MenteeId).ToList();
        var unmatched = result.Unmatched
            .Select(u => new Unpaired(Guid.Parse(u.PersonId), Name(u.PersonId), u.IsMentee ? ParticipantRole.Mentee : ParticipantRole.Mentor, u.Reasons))
            .OrderBy(u => u.Role).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();
        var leftOut = compiled.Skipped.Select(s => new Unpaired(s.PersonId, s.Name, s.Role, [s.Reason])).ToList();
        var fairness = Groups(ParticipantRole.Mentee, FairnessReport.ForMentees(setup.Request, result))
            .Concat(Groups(ParticipantRole.Mentor, FairnessReport.ForMentors(setup.Request, result))).ToList();
        return new RunDetail(pairs, unmatched, leftOut, fairness);
    }

    private static IEnumerable<Group> Groups(ParticipantRole side, FairnessReport report) =>
        report.Groups.Select(g => new Group(side, g.Dimension, GroupName(g), g.People, g.Matched, g.MatchRate, g.MeanScore, g.MatchRateFlag, g.MeanScoreFlag));

    private static string GroupName(GroupOutcome g) =>
        g.Dimension == BirthGenerations.Dimension && Enum.TryParse<Generation>(g.Group, out var generation) ? BirthGenerations.Name(generation) : g.Group;

    /// <summary>Pairs in this run and not the other, and the other way round.</summary>
    public (IReadOnlyList<Pair> Added, IReadOnlyList<Pair> Removed) ComparedWith(RunDetail previous)
    {
        var before = previous.Pairs.Select(p => (p.MenteeId, p.MentorId)).ToHashSet();
        var now = Pairs.Select(p => (p.MenteeId, p.MentorId)).ToHashSet();
        return ([.. Pairs.Where(p => !before.Contains((p.MenteeId, p.MentorId)))], [.. previous.Pairs.Where(p => !now.Contains((p.MenteeId, p.MentorId)))]);
    }
}
