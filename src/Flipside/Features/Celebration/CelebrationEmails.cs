using Flipside.Domain;

namespace Flipside.Features.Celebration;

/// <summary>
/// The emails of celebrating a pairing. Kudos carry their words, so their kind starts with "kudos-", which the
/// program's outbox never lists (ProgramOutbox): staff count kudos, they do not read them.
/// </summary>
public static class CelebrationEmails
{
    public const string KudosKind = "kudos-received";
    public const string MilestoneKindPrefix = "milestone-";
    public const string StoryKind = "story-update";

    public static OutboxMessage Kudos(PairCelebration pair, Kudos kudos, string baseUrl, DateTimeOffset now) =>
        new OutboxMessage(pair.PartnerEmail, $"Kudos from {pair.MyName}", $"""
            Hello {pair.PartnerName},

            {pair.MyName}, your {pair.MyLabel} in {pair.ProgramName}, sent you kudos{(kudos.FocusArea is { } a ? $" for {a}" : "")}:

            "{kudos.Text}"

            See all your kudos and milestones: {baseUrl}/Celebration/Pairing?pairingId={pair.PairingId}
            """, null, now).ForProgram(pair.ProgramId).About(KudosKind, $"kudos:{kudos.Id}");

    public static OutboxMessage Milestone(string to, string name, string partnerName, string programName, Guid programId, Guid pairingId, MilestoneKind kind,
        string baseUrl, DateTimeOffset now)
    {
        var what = kind switch
        {
            MilestoneKind.FirstMeeting => $"You and {partnerName} held your first meeting. The first one is the hardest to find time for: well done.",
            MilestoneKind.ThreeMeetings => $"You and {partnerName} have held three meetings. A rhythm is what turns a pairing into a relationship.",
            MilestoneKind.Halfway => $"You and {partnerName} are halfway through your cohort. A good moment to look back at your goals together.",
            _ => $"You and {partnerName} have completed {programName}. Your certificate is ready to print or save.",
        };
        return new OutboxMessage(to, $"{PairingMilestone.Describe(kind)}: {programName}", $"""
            Hello {name},

            {what}

            {baseUrl}/Celebration/Pairing?pairingId={pairingId}
            """, null, now).ForProgram(programId).About(MilestoneKindPrefix + Kebab(kind), $"pairing:{pairingId}/milestone:{kind}");
    }

    public static OutboxMessage Story(string to, string name, string programName, Guid programId, Guid pairingId, string subject, string news, string baseUrl,
        DateTimeOffset now) =>
        new OutboxMessage(to, subject, $"""
            Hello {name},

            {news}

            {baseUrl}/Celebration/Pairing?pairingId={pairingId}#story
            """, null, now).ForProgram(programId).About(StoryKind, $"pairing:{pairingId}/story");

    private static string Kebab(MilestoneKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
