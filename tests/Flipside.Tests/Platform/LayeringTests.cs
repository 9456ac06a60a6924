using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Platform;

/// <summary>
/// The layers of ARCHITECTURE.md, read from the compiled app: the domain knows neither EF Core nor ASP.NET; features
/// reach the database through EF Core and FlipsideDb, never a provider's own client; endpoints call use cases, not pages.
/// </summary>
public sealed class LayeringTests
{
    private static readonly TypeReferences App = new(typeof(Program).Assembly.Location);
    private const string AppAssembly = "Flipside";

    [Fact]
    public void TheDomain_ReferencesNeitherEfCoreNorAspNet()
    {
        var domain = TypesIn("Flipside.Domain");
        Assert.NotEmpty(domain);
        var offending = Offending(domain, r => r.Namespace.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            || r.Namespace.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || r.Assembly.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            || r.Assembly.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.True(offending.Count == 0, "Domain types use EF Core or ASP.NET:\n" + string.Join('\n', offending));
    }

    [Fact]
    public void Features_DoNotUseADatabaseProvidersClient()
    {
        // Razor compiles a feature's .cshtml into AspNetCoreGeneratedDocument.Features_<Folder>_<Page>.
        var features = TypesIn("Flipside.Features")
            .Concat(App.ByType.Keys.Where(t => t.StartsWith("AspNetCoreGeneratedDocument.Features_", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(features);
        var offending = Offending(features, IsProviderSpecific);
        Assert.True(offending.Count == 0, "Features use a provider's client; put the provider-specific part in Data:\n" + string.Join('\n', offending));
    }

    [Fact]
    public void Endpoints_DoNotCallPageModels()
    {
        var pages = App.Deriving(typeof(PageModel).FullName!);
        Assert.NotEmpty(pages);
        var endpoints = TypesIn("Flipside.Features").Where(t => t.EndsWith("Api", StringComparison.Ordinal)
            && typeof(Program).Assembly.GetType(t) is { IsAbstract: true, IsSealed: true }).ToList();
        Assert.NotEmpty(endpoints);
        var offending = Offending(endpoints, r => r.Assembly == AppAssembly && pages.Contains(r.FullName));
        Assert.True(offending.Count == 0, "Endpoints call page models; move the shared logic into a use case:\n" + string.Join('\n', offending));
    }

    /// <summary>The reader itself: references in signatures, lambdas, async bodies and attributes are all seen.</summary>
    [Fact]
    public void TheReader_SeesReferencesWhereverCodeMakesThem()
    {
        var refs = new TypeReferences(typeof(LayeringProbe).Assembly.Location).ByType[typeof(LayeringProbe).FullName!];
        Assert.Contains(refs, r => r.FullName == typeof(SqliteConnection).FullName && r.Assembly == "Microsoft.Data.Sqlite");
        Assert.Contains(refs, r => r.FullName == "Microsoft.EntityFrameworkCore.SqliteDatabaseFacadeExtensions" && r.Assembly == "Microsoft.EntityFrameworkCore.Sqlite");
        Assert.Contains(refs, r => r.FullName == typeof(PageModel).FullName);
        Assert.Contains(refs, r => r.FullName == typeof(PrecisionAttribute).FullName);
        Assert.Contains(refs, r => r.FullName == typeof(Flipside.Features.Account.SetupModel).FullName && r.Assembly == AppAssembly);
        Assert.True(IsProviderSpecific(refs.First(r => r.FullName == typeof(SqliteConnection).FullName)));
    }

    private static bool IsProviderSpecific(TypeRef r) =>
        r.Assembly.StartsWith("Npgsql", StringComparison.Ordinal) || r.Namespace.StartsWith("Npgsql", StringComparison.Ordinal)
        || r.Assembly is "Microsoft.Data.Sqlite" or "Microsoft.EntityFrameworkCore.Sqlite" || r.Namespace.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal)
        || r.Assembly.StartsWith("SQLitePCLRaw", StringComparison.Ordinal) || r.Namespace.StartsWith("SQLitePCL", StringComparison.Ordinal);

    private static List<string> TypesIn(string ns) =>
        [.. App.ByType.Keys.Where(t => t == ns || t.StartsWith(ns + ".", StringComparison.Ordinal))];

    private static List<string> Offending(IEnumerable<string> types, Func<TypeRef, bool> forbidden) =>
        [.. types.SelectMany(t => App.ByType[t].Where(forbidden).Select(r => $"{t} -> {r}")).Order(StringComparer.Ordinal)];
}

/// <summary>Makes, in every way the reader must see, the references that the layering tests forbid in the app.</summary>
internal sealed class LayeringProbe
{
    [Precision(3)]
    public decimal Attributed { get; set; }

    public static PageModel? InASignature() => null;

    public static Func<string, int> InALambda() => s => new SqliteConnection(s).ConnectionTimeout;

    public static async Task<bool> InAnAsyncBody(DbContext db)
    {
        await Task.Yield();
        return db.Database.IsSqlite() && typeof(Flipside.Features.Account.SetupModel).IsClass;
    }
}
