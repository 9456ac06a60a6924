using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Shared;

/// <summary>The one mapping of a use case's <see cref="Outcome{T}"/> to HTTP (ProblemDetails) and to a page.</summary>
public static class OutcomeResults
{
    public static async Task<IResult> ToHttp<T>(this Task<Outcome<T>> useCase, Func<T, IResult> ok)
    {
        var outcome = await Outcome.Of(useCase);
        return outcome.IsOk ? ok(outcome.Value) : ToHttp(outcome.Problem!);
    }

    public static async Task<IResult> ToHttp<T>(this Task<Outcome<T>> useCase, Func<T, Task<IResult>> ok)
    {
        var outcome = await Outcome.Of(useCase);
        return outcome.IsOk ? await ok(outcome.Value) : ToHttp(outcome.Problem!);
    }

    public static Task<IResult> ToHttp(this Task<Outcome<Done>> useCase) => useCase.ToHttp(_ => TypedResults.NoContent());

    public static IResult ToHttp(this Problem problem) => problem.Refusal switch
    {
        Refusal.Invalid => TypedResults.ValidationProblem(problem.Errors.ToDictionary(), title: problem.Reason),
        Refusal.NotFound => TypedResults.Problem(problem.Reason, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
        Refusal.Forbidden => TypedResults.Problem(problem.Reason, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed"),
        _ => TypedResults.Problem(problem.Reason, statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
    };

    /// <summary>Lists the error responses every use-case endpoint can give, so the OpenAPI document shows them.</summary>
    public static RouteHandlerBuilder ProducesRefusals(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>
    /// Runs a use case for a page: success goes to <paramref name="ok"/>; field errors go beside their fields and a
    /// conflict above the form, both through <paramref name="showAgain"/>, never as a status message. Field errors
    /// are keyed <paramref name="prefix"/>.Field, or all on <paramref name="field"/> for a one-field form.
    /// </summary>
    public static Task<IActionResult> Apply<T>(this PageModel page, Task<Outcome<T>> useCase, Func<T, IActionResult> ok,
        Func<Task<IActionResult>> showAgain, string prefix = "Input", string? field = null) =>
        page.Apply(useCase, value => Task.FromResult(ok(value)), showAgain, prefix, field);

    public static async Task<IActionResult> Apply<T>(this PageModel page, Task<Outcome<T>> useCase, Func<T, Task<IActionResult>> ok,
        Func<Task<IActionResult>> showAgain, string prefix = "Input", string? field = null)
    {
        var outcome = await Outcome.Of(useCase);
        if (outcome.IsOk) return await ok(outcome.Value);
        var problem = outcome.Problem!;
        switch (problem.Refusal)
        {
            case Refusal.NotFound: return page.NotFound();
            case Refusal.Forbidden: return page.Forbid();
            case Refusal.Invalid when field is not null:
                foreach (var e in problem.Errors) page.ModelState.AddModelError(field, e.Message);
                break;
            case Refusal.Invalid: problem.Errors.AddTo(page.ModelState, prefix); break;
            default: page.ModelState.AddModelError("", problem.Reason); break;
        }
        return await showAgain();
    }

    /// <summary>For a change made from a page that then redirects: done says so in green; a refusal is shown as an error.</summary>
    public static async Task<IActionResult> ApplyAndRedirect<T>(this PageModel page, Task<Outcome<T>> useCase, string done,
        Func<IActionResult> redirect, Func<Task<IActionResult>> showAgain, string prefix = "Input", string? field = null) =>
        await page.Apply(useCase, _ =>
        {
            page.TempData["Status"] = done;
            return redirect();
        }, showAgain, prefix, field);
}
