using Flipside.Domain;
using Flipside.Matching.Scoring;

namespace Flipside.Features.Matching;

/// <summary>A pairing's reasons in the words of each audience, written once when the pair is proposed or made.</summary>
public static class PairingReasons
{
    public static Pairing.Reasons For(string menteeName, string mentorName, IReadOnlyList<ScorePart> parts) => new(
        MatchExplanations.For(Audience.ProgramManager, menteeName, mentorName, parts),
        MatchExplanations.For(Audience.Mentee, menteeName, mentorName, parts),
        MatchExplanations.For(Audience.Mentor, menteeName, mentorName, parts));
}
