namespace Flipside.Domain;

/// <summary>The focus taxonomy programs pick from; programs may add their own areas too.</summary>
public static class FocusAreas
{
    public static readonly IReadOnlyList<string> Standard =
    [
        "AI and emerging technology",
        "Social media and digital marketing",
        "Data and analytics",
        "Collaboration tools",
        "Gen Z values and expectations",
        "Diversity and inclusion",
        "Sustainability",
        "Frontline realities",
    ];
}
