using Flipside.Domain;
using Flipside.Features.Shared;

namespace Flipside.Features.Matching;

/// <summary>Starting points for a run's weights, and the form and API input that sets each weight.</summary>
public static class WeightPresets
{
    public sealed record Preset(string Key, string Name, string Summary, MatchWeights Weights);

    public static readonly IReadOnlyList<Preset> All =
    [
        new("balanced", "Balanced", "What the leader wants to learn counts most; common ground, style and time together count too.", new MatchWeights()),
        new("skills-first", "Skills first", "For programs about a skill (digital fluency, AI): the mentor must teach what the leader wants to learn.",
            new MatchWeights { Complementarity = 8, SharedInterests = 1, StyleFit = 1, AvailabilityOverlap = 2, SharedLanguage = 1, CrossDepartment = 0 }),
        new("common-ground", "Common ground", "For programs about values and understanding: shared interests and a matching style come first.",
            new MatchWeights { Complementarity = 3, SharedInterests = 5, StyleFit = 4, AvailabilityOverlap = 2, SharedLanguage = 2, CrossDepartment = 2 }),
        new("time-together", "Time together", "For busy, spread-out cohorts: hours both are free and a shared language first.",
            new MatchWeights { Complementarity = 4, SharedInterests = 1, StyleFit = 1, AvailabilityOverlap = 6, SharedLanguage = 3, CrossDepartment = 0 }),
    ];

    public static Preset? Find(string? key) => All.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>The preset suggested for a program, and why in words a manager can check against the program's page.</summary>
    public sealed record Suggestion(Preset Preset, string Because);

    // A program does not remember the template it started from (the manager may have changed everything since), so the
    // suggestion reads what it keeps: its focus areas. The templates' skill areas and their values areas, as the presets' summaries say.
    private static readonly Dictionary<string, string> PresetByFocusArea = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AI and emerging technology"] = "skills-first",
        ["Social media and digital marketing"] = "skills-first",
        ["Data and analytics"] = "skills-first",
        ["Collaboration tools"] = "skills-first",
        ["Gen Z values and expectations"] = "common-ground",
        ["Diversity and inclusion"] = "common-ground",
        ["Sustainability"] = "common-ground",
        ["Frontline realities"] = "common-ground",
    };

    /// <summary>The program's first focus area that a preset is written for decides; with none, Balanced.</summary>
    public static Suggestion SuggestFor(IEnumerable<string> focusAreas)
    {
        foreach (var area in focusAreas)
            if (PresetByFocusArea.TryGetValue(area, out var key))
                return new(Find(key)!, $"Suggested for this program: its first focus area with a preset, {area}, is " +
                    (key == "skills-first" ? "a skill to learn." : "about values and understanding."));
        return new(All[0], "Suggested for this program: none of its focus areas calls for another preset.");
    }

    /// <summary>Every preset, the suggested one first.</summary>
    public static IReadOnlyList<Preset> Ordered(Suggestion suggestion) => [suggestion.Preset, .. All.Where(p => p != suggestion.Preset)];

    /// <summary>The weights a person can set: what each means, in the order the form shows them.</summary>
    public static readonly IReadOnlyList<(string Field, string Label, string Help)> Parts =
    [
        ("complementarity", "Teaches what the leader wants to learn", "The mentor's skills against the leader's learning goals, first priority first."),
        ("sharedInterests", "Interests in common", "Common ground outside the topic."),
        ("styleFit", "Communication style and meeting mode", "Casual and quick or structured and formal; in person or by video."),
        ("availabilityOverlap", "Time both are free", "Hours a week in common, across time zones."),
        ("sharedLanguage", "A language in common", ""),
        ("crossDepartment", "Different departments", "Carries ideas across the organisation."),
    ];

    /// <summary>Weights as a form or an API body sends them; a missing weight takes the preset's (or the default).</summary>
    public sealed record Input(string? Preset, int? Complementarity, int? SharedInterests, int? StyleFit, int? AvailabilityOverlap, int? SharedLanguage,
        int? CrossDepartment)
    {
        public Outcome<MatchWeights> ToWeights()
        {
            MatchWeights start;
            if (Preset is null or "") start = new MatchWeights();
            else if (Find(Preset) is { } preset) start = preset.Weights;
            else return Outcome.Invalid("preset", $"There is no preset '{Preset}'. Choose one of: {string.Join(", ", All.Select(p => p.Key))}.");
            var errors = new List<FieldError>();
            int Take(string field, int? value, int fallback)
            {
                if (value is not { } v) return fallback;
                if (MatchWeights.WeightRule.Allows(v)) return v;
                errors.Add(new FieldError(field, MatchWeights.WeightRule.Message));
                return fallback;
            }
            var weights = start with
            {
                Complementarity = Take("complementarity", Complementarity, start.Complementarity),
                SharedInterests = Take("sharedInterests", SharedInterests, start.SharedInterests),
                StyleFit = Take("styleFit", StyleFit, start.StyleFit),
                AvailabilityOverlap = Take("availabilityOverlap", AvailabilityOverlap, start.AvailabilityOverlap),
                SharedLanguage = Take("sharedLanguage", SharedLanguage, start.SharedLanguage),
                CrossDepartment = Take("crossDepartment", CrossDepartment, start.CrossDepartment),
            };
            if (errors.Count > 0) return Outcome.Invalid(errors);
            if (new[] { weights.Complementarity, weights.SharedInterests, weights.StyleFit, weights.AvailabilityOverlap, weights.SharedLanguage, weights.CrossDepartment }.All(w => w == 0))
                return Outcome.Invalid("complementarity", "At least one weight must be above 0, or every pair would score the same.");
            return weights;
        }
    }

    /// <summary>Reads "pairs" or "score" (or the names in full); anything else is refused so a typo cannot change the objective.</summary>
    public static bool TryParseObjective(string? value, out MatchObjective objective)
    {
        objective = MatchObjective.MostPairs;
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "pairs" or "mostpairs": return true;
            case "score" or "highestscore": objective = MatchObjective.HighestScore; return true;
            default: return false;
        }
    }
}
