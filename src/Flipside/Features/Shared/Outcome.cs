using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Shared;

/// <summary>How a use case can end besides doing what was asked. Each has one HTTP status and one way to show on a page.</summary>
public enum Refusal
{
    /// <summary>There is no such record, or the viewer may not know it exists (404).</summary>
    NotFound,
    /// <summary>The input is wrong; <see cref="Problem.Errors"/> names each field (400).</summary>
    Invalid,
    /// <summary>The record's state does not allow it now; <see cref="Problem.Reason"/> says why (409).</summary>
    Conflict,
    /// <summary>The viewer knows the record but their role does not allow the change (403).</summary>
    Forbidden,
}

/// <summary>Why a use case did not do what was asked, written for the person who asked.</summary>
public sealed record Problem(Refusal Refusal, string Reason, IReadOnlyList<FieldError> Errors);

/// <summary>Nothing to return but success.</summary>
public readonly record struct Done;

/// <summary>
/// What every use case returns: a value, or a <see cref="Problem"/>. Both convert implicitly, so a use case
/// says <c>return program.Id;</c> or <c>return Outcome.NotFound;</c>.
/// </summary>
public readonly struct Outcome<T>
{
    private readonly T? _value;
    private readonly bool _ok;

    private Outcome(T? value, Problem? problem)
    {
        _value = value;
        Problem = problem;
        _ok = problem is null;
    }

    public Problem? Problem { get; }
    /// <summary>False for <c>default(Outcome&lt;T&gt;)</c> too: an outcome nobody set is never a success.</summary>
    public bool IsOk => _ok;
    public T Value => IsOk ? _value! : throw new InvalidOperationException(Problem is null ? "This outcome was never set." : $"The use case was refused ({Problem.Refusal}): {Problem.Reason}");

    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(Problem problem) => new(default, problem);
}

public static class Outcome
{
    public static Outcome<Done> Ok => new Done();

    public static Problem NotFound { get; } = new(Refusal.NotFound, "There is no such record, or it is not yours to see.", FieldErrors.None);

    public static Problem Forbidden(string reason) => new(Refusal.Forbidden, reason, FieldErrors.None);

    public static Problem Conflict(string reason) => new(Refusal.Conflict, reason, FieldErrors.None);

    public static Problem Invalid(IReadOnlyList<FieldError> errors) =>
        new(Refusal.Invalid, errors.Count == 1 ? errors[0].Message : "Some values need fixing.", errors);

    public static Problem Invalid(string field, string message) => Invalid([new FieldError(field, message)]);

    public const string SameTime = "Another change to the same record arrived at the same moment. Reload and try again.";

    public const string ChangedMeanwhile = "Someone else changed this while you were working on it. Reload to see their change, then try again.";

    /// <summary>
    /// Runs a use case and turns the refusals that surface as exceptions into their <see cref="Problem"/>: a rule an
    /// entity guards (<see cref="DomainException"/>) and a lost race on a concurrency token. Endpoints and pages both
    /// call use cases through this, so the mapping lives here once.
    /// </summary>
    public static async Task<Outcome<T>> Of<T>(Task<Outcome<T>> useCase)
    {
        try
        {
            return await useCase;
        }
        catch (DomainException e)
        {
            return Conflict(e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict(ChangedMeanwhile);
        }
        catch (DbUpdateException)
        {
            // A unique key another request took between our check and our save (two managers adding the same sponsor).
            return Conflict(SameTime);
        }
    }
}
