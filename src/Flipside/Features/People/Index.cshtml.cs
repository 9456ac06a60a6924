using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;

namespace Flipside.Features.People;

public sealed class IndexModel(FlipsideDb db, IMemoryCache cache, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public string? Location { get; set; }
    [BindProperty(SupportsGet = true)] public int? Grade { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public bool WithoutManager { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public SearchPeople.Result Result { get; private set; } = new([], 0, 1, SearchPeople.DefaultPageSize);
    public SearchPeople.FilterChoices Choices { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Choices = await SearchPeople.Choices(db, ct, cache, clock);
        if (!ModelState.IsValid) return;
        var q = new SearchPeople.Query(Search, Department, Location, Grade, Status, PageNumber, WithoutManager: WithoutManager);
        var errors = SearchPeople.Check(q);
        if (errors.Count > 0)
        {
            errors.AddTo(ModelState, prefix: "");
            return;
        }
        Result = await SearchPeople.Handle(q, db, ct, cache, clock);
    }

    /// <summary>The same search on another page, for the pager's links.</summary>
    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["Search"] = Search, ["Department"] = Department, ["Location"] = Location, ["Grade"] = Grade?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Status"] = Status, ["WithoutManager"] = WithoutManager ? "true" : null, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
}
