using System.CommandLine;
using Flipside.Features.Matching;
using Flipside.Features.People;

namespace Flipside.Infrastructure.Startup;

/// <summary>
/// The verbs and options of the flipside binary. Options we do not know, in the ASP.NET form
/// <c>--Section:Key=value</c>, pass through to configuration; a bare unknown word is an unknown verb.
/// </summary>
public static class FlipsideCli
{
    public const int UsageError = 2;

    public static readonly Option<string> Data = new("--data")
    {
        Description = "Folder for the SQLite database and other local files",
        DefaultValueFactory = _ => "./data",
        Recursive = true,
    };
    public static readonly Option<string?> Urls = new("--urls") { Description = "Addresses to listen on (default http://localhost:5080)" };
    public static readonly Option<bool> Demo = new("--demo") { Description = "Load the demo organisation once and print its sign-ins" };
    public static readonly Option<string?> DemoPassword = new("--demo-password") { Description = "Password for the demo accounts (at least 12 characters)" };

    /// <summary>
    /// Every verb besides serving, each built by its feature with its own action. The root below only parses and
    /// invokes, so a new verb is one line here and nothing else in this file.
    /// </summary>
    public static IEnumerable<Command> Verbs() => [ServeCommand.Migrate(), ImportPeopleCommand.Create(), MatchCommand.Create(), Features.Audit.AuditCommand.Create(), Backup.BackupCommands.Backup(), Backup.BackupCommands.Restore()];

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Verbs());

    internal static async Task<int> RunAsync(string[] args, IEnumerable<Command> verbs)
    {
        var root = new RootCommand("Flipside runs reverse-mentoring programs: junior mentors, senior leaders, end to end.")
        {
            Data, Urls, Demo, DemoPassword,
        };
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction((parsed, _) => ServeCommand.ServeAsync(parsed, PassThrough(parsed)));
        foreach (var verb in verbs) root.Subcommands.Add(verb);

        var parsed = root.Parse(args);
        string? unknown = null;
        if (parsed.Errors.Count > 0 || !TrySplitPassThrough(parsed.UnmatchedTokens, out _, out unknown))
        {
            var problem = parsed.Errors.Count > 0 ? parsed.Errors[0].Message : $"Unknown command or argument '{unknown}'.";
            await Console.Error.WriteLineAsync(problem);
            await root.Parse("--help").InvokeAsync();
            return UsageError;
        }
        // The web host handles Ctrl+C and shuts down gracefully in its own time, and an unexpected exception should
        // end the process as it always has: the parser's own handlers for both stay off.
        return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false });
    }

    /// <summary>The <c>--Section:Key=value</c> options a verb hands on to configuration (checked before any verb runs).</summary>
    public static string[] PassThrough(ParseResult parsed) =>
        TrySplitPassThrough(parsed.UnmatchedTokens, out var passThrough, out _) ? passThrough : [];

    /// <summary>Accepts <c>--Key=value</c> and <c>--Key value</c> pairs for configuration; anything else is unknown.</summary>
    internal static bool TrySplitPassThrough(IReadOnlyList<string> tokens, out string[] passThrough, out string? unknown)
    {
        var kept = new List<string>();
        unknown = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (!t.StartsWith("--", StringComparison.Ordinal) || t.Length < 3)
            {
                unknown = t;
                passThrough = [];
                return false;
            }
            kept.Add(t);
            if (!t.Contains('=', StringComparison.Ordinal) && i + 1 < tokens.Count && !tokens[i + 1].StartsWith("--", StringComparison.Ordinal))
                kept.Add(tokens[++i]);
        }
        passThrough = [.. kept];
        return true;
    }
}
