using Flipside.Matching.Assignment;

namespace Flipside.Matching.Scoring;

/// <summary>The solver's view of a compiled cohort.</summary>
internal sealed class CohortScores(CompiledCohort cohort) : IMentorScores<long>
{
    public int Mentees => cohort.Mentees.Length;

    public int Mentors => cohort.Mentors.Length;

    public void OfferMentors(int mentee, CandidateCollector<long> collector) => cohort.OfferMentors(mentee, collector);
}
