using Flipside.Domain;

namespace Flipside.Features.Programs;

/// <summary>
/// Where a cohort stands in the seven steps of a program (objectives, participants, training, matching, meetings,
/// evaluation, celebration) and what the program manager does next, so that "ready to match" always leads somewhere.
/// </summary>
public static class CohortSteps
{
    public static string Describe(CohortStatus status) => status switch
    {
        CohortStatus.Planning => "Step 2 of 7, participants: invite people, or open the cohort to volunteers, then move it to enrolling.",
        CohortStatus.Enrolling => "Step 2 of 7, participants: once the profiles are in, move it to matching.",
        CohortStatus.Matching => "Step 4 of 7, matching: run matching, review and approve the pairs, then publish them.",
        CohortStatus.Active => "Step 5 of 7, meetings: pairs are meeting; pair whoever is left from the matching board.",
        _ => "Step 7 of 7: the cohort is closed. Celebrate what the pairs achieved.",
    };

    /// <summary>The manager's next action as a link: where the cohort moves on, or the matching board once it is matching.</summary>
    public sealed record Action(string Text, string Href);

    public static Action? Next(CohortStatus status, Guid cohortId, Guid programId) => status switch
    {
        CohortStatus.Planning or CohortStatus.Enrolling => new("Move the cohort on from the program's page", $"/Programs/Program?id={programId}"),
        CohortStatus.Matching => new("Open the matching board", $"/Matching/Board?cohortId={cohortId}"),
        CohortStatus.Active => new("Look after the pairs on the matching board", $"/Matching/Board?cohortId={cohortId}"),
        _ => null,
    };
}
