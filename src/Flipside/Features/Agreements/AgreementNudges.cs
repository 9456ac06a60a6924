using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Nudges;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Agreements;

/// <summary>A week after a pairing starts, each partner who has not signed its agreement hears so, at 9:00 their time.</summary>
public sealed class AgreementNudges(FlipsideDb db, PublicUrl url) : INudgeSource
{
    public async Task<IReadOnlyList<DueNudge>> DueAsync(DateTimeOffset now, CancellationToken ct)
    {
        // Only those whose seventh day is near: an older unsigned agreement was nudged then, and shows in the manager's digest.
        var unsigned = (await AgreementStatus.UnsignedAt(db, now.AddDays(1), ct)).Where(u => u.PublishedAt > now - AgreementStatus.Grace - TimeSpan.FromDays(2)).ToList();
        if (unsigned.Count == 0) return [];
        var ids = unsigned.Select(u => u.PairingId).ToList();
        var pairs = await PairReaders.Active(db).Where(p => ids.Contains(p.PairingId)).ToDictionaryAsync(p => p.PairingId, ct);
        var due = new List<DueNudge>();
        foreach (var u in unsigned.Where(u => pairs.ContainsKey(u.PairingId)))
        {
            var pair = pairs[u.PairingId];
            foreach (var (role, reader, partner) in pair.Sides())
            {
                if (role == ParticipantRole.Mentor ? u.MentorSigned : u.MenteeSigned) continue;
                var partnerSigned = role == ParticipantRole.Mentor ? u.MenteeSigned : u.MentorSigned;
                due.Add(new(NudgeKind.AgreementUnsigned, $"pairing:{u.PairingId}", reader.Email, pair.ProgramId, reader.MorningAfter(u.PublishedAt, 7),
                    at => new OutboxMessage(reader.Email, $"Your agreement with {partner.Name} is waiting", $"""
                        Hello {reader.Name},

                        Your pairing with {partner.Name} started a week ago{(partnerSigned ? $", and {partner.Name} has signed your agreement" : "")}. The agreement
                        sets how often you meet, what stays between you, and how either of you can end the pairing without fault.
                        Read it, change what you both want to change, and sign:

                        {url.Link($"/Agreements/Agreement?pairingId={u.PairingId}")}
                        """, null, at).ForProgram(pair.ProgramId)));
            }
        }
        return due;
    }
}
