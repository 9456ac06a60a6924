namespace Flipside.Domain;

public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string ProgramManager = nameof(ProgramManager);
    public const string Sponsor = nameof(Sponsor);
    public const string Participant = nameof(Participant);

    public static readonly IReadOnlyList<string> All = [Administrator, ProgramManager, Sponsor, Participant];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    public static string Describe(string role) => role switch
    {
        Administrator => "Administrator",
        ProgramManager => "Program manager",
        Sponsor => "Sponsor",
        Participant => "Participant",
        _ => role,
    };
}
