using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Nudges;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Agreements;

/// <summary>A week after a pairing starts, each partner who has not signed its agreement hears so, at 9:00 their time, in the program's language.</summary>
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
                var email = pair.Texts.AgreementUnsigned(partner.Name, partnerSigned, url.Link($"/Agreements/Agreement?pairingId={u.PairingId}"));
                due.Add(new(NudgeKind.AgreementUnsigned, $"pairing:{u.PairingId}", reader.Email, pair.ProgramId, reader.MorningAfter(u.PublishedAt, 7),
                    at => new OutboxMessage(reader.Email, email.Subject, pair.Texts.Letter(reader.Name, email.Body), null, at).ForProgram(pair.ProgramId)));
            }
        }
        return due;
    }
}
