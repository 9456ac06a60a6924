namespace Flipside.Features.Programs;

/// <summary>
/// Starting points written for Flipside. Each sets a purpose, objectives with measures a program manager can
/// actually collect, focus areas, cadence, duration and role names; the manager changes anything before saving.
/// </summary>
public static class ProgramTemplates
{
    public sealed record Template(string Key, string Name, string Summary, Func<ProgramInput> Build);

    public static readonly IReadOnlyList<Template> All =
    [
        new("digital-fluency", "Digital fluency for leaders",
            "Leaders learn the tools and channels their teams and customers already live in.",
            () => new ProgramInput
            {
                Name = "Digital fluency for leaders",
                Purpose = "Senior leaders learn, from junior colleagues who use them every day, the digital tools and channels our teams and customers rely on, so that they lead digital change from experience rather than from slides.",
                Objectives =
                [
                    Objective("Leaders use the collaboration tools their teams work in",
                        Measure("Leaders using the collaboration tool weekly", "%", 35, 70, "collaboration tool usage analytics", "at start and after 6 months"),
                        Measure("Leaders who rate themselves confident with the team's digital tools", "%", 40, 80, "baseline and final survey", "at start and at the end")),
                    Objective("Leaders hear ideas from the people closest to the tools",
                        Measure("Ideas raised to leadership", "ideas per pair", 0, 3, "insights logged in Flipside", "counted at the end")),
                ],
                FocusAreas = ["Collaboration tools", "Social media and digital marketing", "Data and analytics"],
                CadenceWeeks = 4, MinutesPerMeeting = 60, DurationMonths = 6,
                MentorLabel = "reverse mentor", MenteeLabel = "leader",
            }),
        new("gen-z-values", "Gen Z values and expectations",
            "Leaders understand what the newest generation in the workforce expects of work and of them.",
            () => new ProgramInput
            {
                Name = "Gen Z values and expectations",
                Purpose = "Leaders understand what our youngest colleagues value, expect and worry about, and bring that into how we hire, develop and keep people.",
                Objectives =
                [
                    Objective("Leaders understand what younger colleagues expect of work",
                        Measure("Leaders who say they understand Gen Z colleagues' expectations", "%", 30, 75, "baseline and final survey", "at start and at the end")),
                    Objective("Younger colleagues stay and grow with us",
                        Measure("First-year attrition of employees under 27", "%", 18, 12, "HR system attrition report", "yearly, before and after the program"),
                        Measure("Ideas raised to leadership", "ideas per pair", 0, 3, "insights logged in Flipside", "counted at the end")),
                ],
                FocusAreas = ["Gen Z values and expectations", "Social media and digital marketing"],
                CadenceWeeks = 4, MinutesPerMeeting = 60, DurationMonths = 6,
                MentorLabel = "reverse mentor", MenteeLabel = "leader",
            }),
        new("inclusion-belonging", "Inclusion and belonging",
            "Leaders learn what it is like to work here for people unlike them, and act on it.",
            () => new ProgramInput
            {
                Name = "Inclusion and belonging",
                Purpose = "Leaders hear first-hand what working here is like for colleagues from under-represented groups, and commit to concrete changes in their own area.",
                Objectives =
                [
                    Objective("A workplace where more people feel they belong",
                        Measure("Employees who agree \"I feel I belong here\"", "%", 62, 75, "engagement survey belonging question", "yearly engagement survey"),
                        Measure("Leaders who made a concrete change in their area", "%", 0, 80, "final survey and pair goals", "at the end")),
                ],
                FocusAreas = ["Diversity and inclusion", "Frontline realities"],
                CadenceWeeks = 4, MinutesPerMeeting = 60, DurationMonths = 9,
                MentorLabel = "reverse mentor", MenteeLabel = "leader",
                ExcludeSameDepartment = true,
            }),
        new("sustainability", "Sustainability",
            "Leaders learn from colleagues who care most about sustainability and turn it into decisions.",
            () => new ProgramInput
            {
                Name = "Sustainability",
                Purpose = "Leaders learn from younger colleagues who follow sustainability closely, and turn that into decisions in their own budgets and operations.",
                Objectives =
                [
                    Objective("Sustainability shapes leaders' decisions",
                        Measure("Sustainability initiatives sponsored by participating leaders", "initiatives", 0, 10, "initiatives registered with the sustainability office", "at the end"),
                        Measure("Ideas raised to leadership", "ideas per pair", 0, 2, "insights logged in Flipside", "counted at the end")),
                ],
                FocusAreas = ["Sustainability", "Gen Z values and expectations"],
                CadenceWeeks = 4, MinutesPerMeeting = 60, DurationMonths = 6,
                MentorLabel = "reverse mentor", MenteeLabel = "leader",
            }),
        new("ai-readiness", "AI readiness",
            "Leaders try AI tools hands-on with colleagues who already use them, and decide where they help.",
            () => new ProgramInput
            {
                Name = "AI readiness",
                Purpose = "Leaders get hands-on with generative AI and analytics tools alongside colleagues who already use them, so that they can judge where AI helps our work and where it does not.",
                Objectives =
                [
                    Objective("Leaders use AI tools in their own work",
                        Measure("Leaders using an approved AI assistant weekly", "%", 15, 60, "AI assistant usage analytics", "at start, midpoint and end")),
                    Objective("Leaders can judge AI opportunities and risks",
                        Measure("Leaders confident to assess an AI proposal", "%", 25, 70, "baseline and final survey", "at start and at the end"),
                        Measure("AI use cases proposed by pairs", "use cases", 0, 12, "insights logged in Flipside", "counted at the end")),
                ],
                FocusAreas = ["AI and emerging technology", "Data and analytics"],
                CadenceWeeks = 2, MinutesPerMeeting = 45, DurationMonths = 6,
                MentorLabel = "AI mentor", MenteeLabel = "leader",
            }),
    ];

    public static Template? Find(string? key) => All.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase));

    private static ObjectiveInput Objective(string title, params MeasureInput[] measures) => new() { Title = title, Measures = [.. measures] };

    private static MeasureInput Measure(string name, string unit, decimal baseline, decimal target, string method, string timing) =>
        new() { Name = name, Unit = unit, Baseline = baseline, Target = target, Method = method, Timing = timing };
}
