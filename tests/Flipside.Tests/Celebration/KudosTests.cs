using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Celebration;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Celebration;

/// <summary>Kudos between the two partners of a pairing: read by the pair, emailed to the recipient, only counted by staff.</summary>
public sealed class KudosTests(FlipsideFactory app) : AdministeredTests(app)
{
    private const string Thanks = "Thank you for showing me how to prompt well: my board memo took half the time.";

    private static string Kudos(Guid pairingId) => $"/api/v1/pairings/{pairingId}/kudos";

    [Fact]
    public async Task Kudos_ReachTheRecipientByEmailAndOnThePairing_WhileStaffSeeOnlyTheirCount()
    {
        var pairs = await Celebrating.Pairs(App, Admin);

        var sent = await pairs.Mentee.PostAsJsonAsync(Kudos(pairs.First), new { text = Thanks, focusArea = Celebrating.Ai });

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var mentorSees = (await pairs.Mentor.GetFromJsonAsync<List<SendKudos.Item>>(Kudos(pairs.First), Json.Options))!;
        Assert.Equal(Thanks, Assert.Single(mentorSees).Text);
        Assert.False(mentorSees[0].Mine);
        Assert.Equal(Celebrating.Ai, mentorSees[0].FocusArea);
        var email = await App.Query(db => db.Outbox.SingleAsync(m => m.Kind == CelebrationEmails.KudosKind));
        Assert.Equal("m1@example.com", email.To);
        Assert.Contains(Thanks, email.TextBody, StringComparison.Ordinal);
        var page = await (await pairs.Mentor.GetAsync($"/Celebration/Pairing?pairingId={pairs.First}")).Html();
        Assert.Contains(Thanks, page, StringComparison.Ordinal);

        foreach (var staff in new[] { pairs.Manager, Admin })
        {
            var outbox = await (await staff.GetAsync($"/Programs/Outbox?programId={pairs.ProgramId}")).Html();
            Assert.Contains("Meet your", outbox, StringComparison.Ordinal); // the program's other emails are listed
            Assert.DoesNotContain("Kudos from", outbox, StringComparison.Ordinal);
            var message = await staff.GetAsync($"/Programs/OutboxMessage?id={email.Id}");
            Assert.Equal(HttpStatusCode.NotFound, message.StatusCode);
            Assert.DoesNotContain(Thanks, await message.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var showcase = await staff.GetAsync($"/api/v1/programs/{pairs.ProgramId}/showcase");
            Assert.DoesNotContain(Thanks, await showcase.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(1, (await Celebrating.ShowcaseOf(pairs.Manager, pairs.ProgramId)).Recognition!.Kudos);
        Assert.Equal(1, (await Celebrating.ShowcaseOf(pairs.Sponsor, pairs.ProgramId)).Recognition!.Kudos);
        Assert.Null((await Celebrating.ShowcaseOf(pairs.Mentor, pairs.ProgramId)).Recognition);
        var showcasePage = await (await pairs.Manager.GetAsync($"/Celebration/Showcase?programId={pairs.ProgramId}")).Html();
        Assert.Contains("1 kudos message sent", showcasePage, StringComparison.Ordinal);
        Assert.DoesNotContain(Thanks, showcasePage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kudos_BySomeoneOutsideThePair_AreNotFound_WhateverTheirRole()
    {
        var pairs = await Celebrating.Pairs(App, Admin);
        await pairs.Mentor.PostAsJsonAsync(Kudos(pairs.First), new { text = Thanks });

        foreach (var (who, client) in new[] { ("other pair's leader", pairs.OtherMentee), ("manager", pairs.Manager), ("sponsor", pairs.Sponsor), ("administrator", Admin) })
        {
            var post = await client.PostAsJsonAsync(Kudos(pairs.First), new { text = "intruder" });
            Assert.True(post.StatusCode == HttpStatusCode.NotFound, $"POST kudos gave {(int)post.StatusCode} to the {who}");
            var get = await client.GetAsync(Kudos(pairs.First));
            Assert.True(get.StatusCode == HttpStatusCode.NotFound, $"GET kudos gave {(int)get.StatusCode} to the {who}");
            Assert.DoesNotContain(Thanks, await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Celebration/Pairing?pairingId={pairs.First}")).StatusCode);
        }
        Assert.Equal(1, await App.Query(db => db.Kudos.CountAsync()));
    }

    [Fact]
    public async Task EmptyTooLongOrOffTopicKudos_Are400_NamingTheField()
    {
        var pairs = await Celebrating.Pairs(App, Admin);

        foreach (var (body, field) in new (object, string)[]
        {
            (new { text = "   " }, "text"), (new { text = new string('x', Flipside.Domain.Kudos.TextMaxLength + 1) }, "text"),
            (new { text = Thanks, focusArea = "Astrology" }, "focusArea"),
        })
        {
            var response = await pairs.Mentor.PostAsJsonAsync(Kudos(pairs.First), body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(Json.Options);
            Assert.Contains(field, problem!.Errors.Keys);
        }
        var page = await pairs.Mentor.Submit($"/Celebration/Pairing?pairingId={pairs.First}", new Dictionary<string, string> { ["Kudos.Text"] = "" },
            $"/Celebration/Pairing?pairingId={pairs.First}&handler=Kudos");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("kudos cannot be empty", await page.Html(), StringComparison.Ordinal);
        Assert.Equal(0, await App.Query(db => db.Kudos.CountAsync()));
        Assert.Equal(0, await App.Query(db => db.Outbox.CountAsync(m => m.Kind == CelebrationEmails.KudosKind)));
    }

    [Fact]
    public async Task KudosToAnEndedPairing_Are409()
    {
        var pairs = await Celebrating.Pairs(App, Admin);
        await App.Query(async db =>
        {
            var pairing = await db.Pairings.SingleAsync(p => p.Id == pairs.First);
            pairing.End(PairingActor.Mentee, "", false, App.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });

        var response = await pairs.Mentor.PostAsJsonAsync(Kudos(pairs.First), new { text = Thanks });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("ended", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await App.Query(db => db.Kudos.CountAsync()));
    }

    [Fact]
    public async Task ThePairingPage_SendsKudos()
    {
        var pairs = await Celebrating.Pairs(App, Admin);

        var posted = await pairs.Mentor.Submit($"/Celebration/Pairing?pairingId={pairs.First}",
            new Dictionary<string, string> { ["Kudos.Text"] = Thanks, ["Kudos.FocusArea"] = Celebrating.Inclusion },
            $"/Celebration/Pairing?pairingId={pairs.First}&handler=Kudos");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var kudos = await App.Query(db => db.Kudos.SingleAsync());
        Assert.Equal((ParticipantRole.Mentor, Thanks, Celebrating.Inclusion), (kudos.From, kudos.Text, kudos.FocusArea));
        var cards = await (await pairs.Mentor.GetAsync("/Enrollment/Mine")).Html();
        Assert.Contains($"/Celebration/Pairing?pairingId={pairs.First}", cards, StringComparison.Ordinal);
    }
}
