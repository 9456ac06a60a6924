using Flipside.Domain;

namespace Flipside.Features.Nudges;

/// <summary>
/// A nudge some feature says is due: what, about which thing, to whom, from when, and its email. <paramref name="Subject"/>
/// names the thing so that the nudge goes once per thing and recipient (<see cref="NudgeSent"/>).
/// </summary>
public sealed record DueNudge(NudgeKind Kind, string Subject, string To, Guid? ProgramId, DateTimeOffset DueAt, Func<DateTimeOffset, OutboxMessage> Compose);

/// <summary>
/// One feature's nudges. The job asks every source registered with <see cref="NudgeSources.AddNudgeSource{T}"/> what is
/// due now; the source need not know who already got it, who turned it off or what the program requires.
/// </summary>
public interface INudgeSource
{
    Task<IReadOnlyList<DueNudge>> DueAsync(DateTimeOffset now, CancellationToken ct);
}

public static class NudgeSources
{
    public static IServiceCollection AddNudgeSource<T>(this IServiceCollection services) where T : class, INudgeSource =>
        services.AddScoped<INudgeSource, T>();
}
