using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Agreements;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Insights;

/// <summary>The insights a pair raised, by either partner, with leadership's response: for the pair's two people only.</summary>
public static class PairInsights
{
    public sealed record Item(Guid Id, ParticipantRole RaisedBy, bool Mine, string FocusArea, string Text, DateTimeOffset RaisedAt, InsightStatus Status,
        string? Response, DateTimeOffset? RespondedAt);

    public sealed record View(Guid PairingId, string ProgramName, string MentorLabel, string MenteeLabel, int Threshold, bool CanRaise,
        IReadOnlyList<string> FocusAreas, IReadOnlyList<Item> Insights);

    public static async Task<Outcome<View>> Handle(Guid pairingId, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        if (await PairContext.Load(viewer, pairingId, ct) is not { } pair) return Outcome.NotFound;
        var program = await db.Programs.Where(p => p.Id == pair.ProgramId)
            .Select(p => new { p.Name, p.MentorLabel, p.MenteeLabel, p.AnonymityThreshold, p.FocusAreas }).SingleAsync(ct);
        var items = await db.Insights.Where(i => i.PairingId == pairingId).OrderByDescending(i => i.RaisedAt)
            .Select(i => new Item(i.Id, i.RaisedBy, i.RaisedBy == pair.MyRole, i.FocusArea, i.Text, i.RaisedAt, i.Status, i.Response, i.RespondedAt))
            .ToListAsync(ct);
        return new View(pairingId, program.Name, program.MentorLabel, program.MenteeLabel, program.AnonymityThreshold, pair.IsRunning, program.FocusAreas, items);
    }

    public static string Describe(InsightStatus status) => status switch
    {
        InsightStatus.New => "waiting for a response",
        InsightStatus.Noted => "noted",
        InsightStatus.InProgress => "in progress",
        InsightStatus.Adopted => "adopted",
        _ => "declined",
    };
}
