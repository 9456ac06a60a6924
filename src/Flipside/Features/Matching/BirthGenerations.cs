using Flipside.Matching.Profiles;

namespace Flipside.Features.Matching;

/// <summary>
/// A person's generation from the directory's birth year, and the words for it. The birth year is for
/// administrators only, so what derives from it (the fairness rows by generation) is shown to them alone; it
/// counts in a pair's score only when a run's generation weight is above 0, which no program sets today.
/// </summary>
public static class BirthGenerations
{
    /// <summary>The fairness summary's name for groups by generation.</summary>
    public const string Dimension = "Generation";

    /// <summary>The generation born that year; none for a missing year or one outside the four the engine knows (1946–2012).</summary>
    public static Generation? Of(int? birthYear) => birthYear switch
    {
        >= 1946 and <= 1964 => Generation.BabyBoomer,
        >= 1965 and <= 1980 => Generation.GenX,
        >= 1981 and <= 1996 => Generation.Millennial,
        >= 1997 and <= 2012 => Generation.GenZ,
        _ => null,
    };

    /// <summary>A generation's name as people say it, with its years so an administrator can check a row.</summary>
    public static string Name(Generation generation) => generation switch
    {
        Generation.BabyBoomer => "Baby Boomers (born 1946–1964)",
        Generation.GenX => "Gen X (born 1965–1980)",
        Generation.Millennial => "Millennials (born 1981–1996)",
        Generation.GenZ => "Gen Z (born 1997–2012)",
        _ => throw new ArgumentOutOfRangeException(nameof(generation), generation, "This generation has no name yet."),
    };
}
