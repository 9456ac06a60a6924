namespace Flipside.Features.Sponsors;

/// <summary>Where a program's reports live, in one place: the sponsor's pages and the program page link to them.</summary>
public static class ProgramLinks
{
    public static string Overview(Guid programId) => $"/Sponsors/Program?programId={programId}";
    public static string Health(Guid programId) => $"/Health/Program?id={programId}";
    public static string Impact(Guid programId) => $"/Impact/Report?programId={programId}";
    public static string Showcase(Guid programId) => $"/Celebration/Showcase?programId={programId}";
    public static string Insights(Guid programId) => $"/Insights/Program?programId={programId}";
}
