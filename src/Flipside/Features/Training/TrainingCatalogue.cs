using System.Security.Cryptography;
using System.Text;
using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Training;

/// <summary>
/// A program's modules: the built-in ones, each replaced by the program's own edit where it made one, then the
/// modules the program added. Built-ins are overridden per program rather than copied into it, so a program that
/// edits nothing always has the current curriculum and stores nothing.
/// </summary>
public static class TrainingCatalogue
{
    public sealed record Module(string Key, string Title, string Body, string Questions, bool BuiltIn, bool Edited, int Version)
    {
        /// <summary>Completion is kept by this: the same text counts in every program, a changed text is taken again.</summary>
        public string Hash { get; } = HashOf(Title, Body, Questions);
    }

    public static async Task<List<Module>> ForProgram(Guid programId, FlipsideDb db, CancellationToken ct)
    {
        var own = await db.TrainingModules.Where(m => m.ProgramId == programId).OrderBy(m => m.UpdatedAt).ToListAsync(ct);
        var modules = BuiltInModules.All.Select(b => own.FirstOrDefault(m => m.Key == b.Key) is { } edit
            ? new Module(b.Key, edit.Title, edit.Body, edit.Questions, true, true, edit.Version)
            : new Module(b.Key, b.Title, b.Body, b.Questions, true, false, 0)).ToList();
        modules.AddRange(own.Where(m => m.IsOwn).Select(m => new Module(m.Key, m.Title, m.Body, m.Questions, false, false, m.Version)));
        return modules;
    }

    public static string HashOf(string title, string body, string questions) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{title}\n\u0000{body}\n\u0000{questions}")))[..32];

    /// <summary>The requirements a new program starts with: each built-in module for the roles its file names.</summary>
    public static IEnumerable<TrainingRequirement> Defaults(Guid programId) =>
        BuiltInModules.All.SelectMany(m => m.RequiredOf.Select(role => new TrainingRequirement(programId, m.Key, role)));
}
