using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Insights;

/// <summary>
/// A sponsor, program manager or administrator answers an insight: noted, in progress, adopted or declined, with a
/// sentence. The response reaches both partners by email and on their insights page. The edit carries the version the
/// responder saw, so two responses at once do not silently overwrite each other.
/// </summary>
public static class RespondToInsight
{
    public sealed record Request(Guid InsightId, string? Status, string? Response, int? Version);

    public static readonly InsightStatus[] Answers = [InsightStatus.Noted, InsightStatus.InProgress, InsightStatus.Adopted, InsightStatus.Declined];

    public static async Task<Outcome<Done>> Handle(Request r, Viewer viewer, string baseUrl, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var insight = await db.Insights.FirstOrDefaultAsync(i => i.Id == r.InsightId, ct);
        if (insight is null) return Outcome.NotFound;
        var program = await viewer.ReportablePrograms.Where(p => p.Id == insight.ProgramId)
            .Select(p => new { p.Name, p.AnonymityThreshold }).FirstOrDefaultAsync(ct);
        if (program is null)
            return await viewer.OwnPairings.AnyAsync(p => p.Id == insight.PairingId, ct)
                ? Outcome.Forbidden("Leadership responds to insights; you will read the response on your pairing's insights page.")
                : Outcome.NotFound;
        // Below the threshold leadership cannot see the insight, so it cannot know of it either.
        var pairs = await db.Insights.Where(i => i.ProgramId == insight.ProgramId).Select(i => i.PairingId).Distinct().CountAsync(ct);
        if (!Anonymity.Reportable(pairs, program.AnonymityThreshold)) return Outcome.NotFound;

        var errors = new List<FieldError>();
        var status = Answers.Cast<InsightStatus?>().FirstOrDefault(s => string.Equals(s.ToString(), (r.Status ?? "").Replace(" ", ""), StringComparison.OrdinalIgnoreCase));
        if (status is null) errors.Add(new("status", "Choose noted, in progress, adopted or declined."));
        var sentence = (r.Response ?? "").Trim();
        if (sentence.Length == 0) errors.Add(new("response", "Say in a sentence what happens with this insight."));
        else if (sentence.Length > Insight.ResponseMaxLength) errors.Add(new("response", $"Keep the response to {Insight.ResponseMaxLength} characters; it has {sentence.Length}."));
        if (r.Version is null) errors.Add(new("version", "Send the insight's version you answered, as the insights list gave it."));
        if (errors.Count > 0) return Outcome.Invalid(errors);
        if (r.Version != insight.Version) return Outcome.Conflict(Outcome.ChangedMeanwhile);

        var now = clock.GetUtcNow();
        insight.Respond(status!.Value, sentence, viewer.Email.Length > 0 ? viewer.Email : viewer.UserId, now);
        var pair = await db.Pairings.Where(p => p.Id == insight.PairingId)
            .Select(p => new { Mentor = p.MentorEnrollment.Person, Mentee = p.MenteeEnrollment.Person }).SingleAsync(ct);
        // The email's key carries the version answered, so a later response is a new email and a repeat is not.
        foreach (var person in new[] { pair.Mentor, pair.Mentee }.Where(p => p.Email.Length > 0))
            db.Outbox.Add(InsightEmails.Response(insight, program.Name, person, baseUrl, now));
        db.Record(viewer, now, "insight.responded", "Insight", insight.Id, $"an insight in {program.Name} marked {PairInsights.Describe(status.Value)}");
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }
}
