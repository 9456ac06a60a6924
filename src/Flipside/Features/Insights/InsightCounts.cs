using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Insights;

/// <summary>
/// "Ideas raised" and "ideas adopted" of a program, for measures and the impact report. Counts only: whether they may be
/// shown (enough pairs behind them) is the caller's question, through <see cref="Counts.Pairs"/> and <see cref="Anonymity"/>.
/// </summary>
public static class InsightCounts
{
    public sealed record Counts(int Raised, int Adopted, int Pairs);

    public static async Task<Counts> For(Guid programId, FlipsideDb db, CancellationToken ct)
    {
        var insights = db.Insights.Where(i => i.ProgramId == programId);
        return new Counts(await insights.CountAsync(ct), await insights.CountAsync(i => i.Status == InsightStatus.Adopted, ct),
            await insights.Select(i => i.PairingId).Distinct().CountAsync(ct));
    }
}
