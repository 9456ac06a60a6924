using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Conversations;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Conversations;

/// <summary>Sizes, empty text, an ended pairing, the conversation's order and pages, and the email notice.</summary>
public sealed class ConversationRulesTests(FlipsideFactory app) : AdministeredTests(app)
{
    private static async Task<string> Problem(HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    [Fact]
    public async Task EmptyAndOversizeText_IsRefusedNamingTheLimit_AndTheLimitItselfIsAccepted()
    {
        var pairs = await Pairs.Published(App, Admin);
        var p = pairs.First;

        var emptyNote = await pairs.Mentor.PostAsJsonAsync(Pairs.Notes(p), new { text = "   " });
        var missingNote = await pairs.Mentor.PostAsJsonAsync(Pairs.Notes(p), new { shared = true });
        var longNote = await pairs.Mentor.PostAsJsonAsync(Pairs.Notes(p), new { text = new string('n', Conversation.NoteMaxLength + 1) });
        var fullNote = await pairs.Mentor.PostAsJsonAsync(Pairs.Notes(p), new { text = new string('n', Conversation.NoteMaxLength) });
        var emptyMessage = await pairs.Mentor.PostAsJsonAsync(Pairs.Messages(p), new { text = "" });
        var longMessage = await pairs.Mentor.PostAsJsonAsync(Pairs.Messages(p), new { text = new string('m', Conversation.MessageMaxLength + 1) });
        var fullMessage = await pairs.Mentor.PostAsJsonAsync(Pairs.Messages(p), new { text = new string('m', Conversation.MessageMaxLength) });
        var note = (await fullNote.Content.ReadFromJsonAsync<ListNotes.Item>(Json.Options))!;
        var longEdit = await pairs.Mentor.PutAsJsonAsync(Pairs.Notes(p, $"/{note.Id}"), new { text = new string('e', Conversation.NoteMaxLength + 1) });

        foreach (var refused in new[] { emptyNote, missingNote, emptyMessage })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("cannot be empty", await Problem(refused), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.BadRequest, longNote.StatusCode);
        Assert.Contains("at most 10,000 characters; this one has 10,001", await Problem(longNote), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, longEdit.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, longMessage.StatusCode);
        Assert.Contains("at most 4,000 characters; this one has 4,001", await Problem(longMessage), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, fullNote.StatusCode);
        Assert.Equal(HttpStatusCode.Created, fullMessage.StatusCode);
        Assert.Equal(1, await App.Query(db => db.Notes.CountAsync()));
        Assert.Equal(1, await App.Query(db => db.Messages.CountAsync()));
        var page = await pairs.Mentor.Submit($"/Conversations/Notes?pairingId={p}", new Dictionary<string, string> { ["Input.Text"] = " " },
            $"/Conversations/Notes?pairingId={p}&handler=Write");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Write something first: a note cannot be empty.", await page.Html(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotesOnAMeeting_AreListedForThatMeeting_AndWithAllThePairsNotes()
    {
        var pairs = await Pairs.Published(App, Admin);
        var p = pairs.First;
        var proposed = await pairs.Mentor.PostAsJsonAsync($"/api/v1/pairings/{p}/meetings", new { localStart = "2026-11-30T10:00" });
        Assert.True(proposed.StatusCode == HttpStatusCode.Created, await proposed.Content.ReadAsStringAsync());
        var meeting = (await proposed.Content.ReadFromJsonAsync<Flipside.Features.Sessions.ProposeMeeting.Planned>(Json.Options))!.MeetingId;
        Assert.Equal(HttpStatusCode.Created, (await pairs.Mentor.PostAsJsonAsync(Pairs.Notes(p), new { text = "About our first meeting", meetingId = meeting })).StatusCode);
        // A meeting of no pairing of theirs is named as the problem, not stored.
        Assert.Equal(HttpStatusCode.BadRequest, (await pairs.Mentor.PostAsJsonAsync(Pairs.Notes(p), new { text = "Elsewhere", meetingId = Guid.NewGuid() })).StatusCode);
        await Pairs.Write(pairs.Mentor, p, "About the pairing in general");

        var ofMeeting = (await pairs.Mentor.GetFromJsonAsync<List<ListNotes.Item>>(Pairs.Notes(p, $"?meetingId={meeting}"), Json.Options))!;
        var all = (await pairs.Mentor.GetFromJsonAsync<List<ListNotes.Item>>(Pairs.Notes(p), Json.Options))!;
        var page = await (await pairs.Mentor.GetAsync($"/Conversations/Notes?pairingId={p}&meetingId={meeting}")).Html();

        Assert.Equal(meeting, Assert.Single(ofMeeting).MeetingId);
        Assert.Equal("About our first meeting", ofMeeting[0].Text);
        Assert.Equal(2, all.Count);
        Assert.Contains("About our first meeting", page, StringComparison.Ordinal);
        Assert.DoesNotContain("About the pairing in general", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterThePairingEnded_ThePairStillReads_ButNobodyWritesChangesOrDeletes()
    {
        var pairs = await Pairs.Published(App, Admin);
        var p = pairs.First;
        var note = await Pairs.Write(pairs.Mentee, p, "What I want to keep from these months", shared: true);
        await Pairs.Send(pairs.Mentor, p, "It was a pleasure");
        Assert.Equal(HttpStatusCode.NoContent, (await pairs.Mentor.PostAsJsonAsync($"/api/v1/pairings/{p}/exit", new { action = "end" })).StatusCode);

        var write = await pairs.Mentee.PostAsJsonAsync(Pairs.Notes(p), new { text = "One more thought" });
        var edit = await pairs.Mentee.PutAsJsonAsync(Pairs.Notes(p, $"/{note.Id}"), new { text = "Changed after the end" });
        var delete = await pairs.Mentee.DeleteAsync(Pairs.Notes(p, $"/{note.Id}"));
        var send = await pairs.Mentee.PostAsJsonAsync(Pairs.Messages(p), new { text = "Are you there?" });

        foreach (var refused in new[] { write, edit, delete, send })
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("This pairing has ended", await Problem(refused), StringComparison.Ordinal);
        }
        Assert.Equal("What I want to keep from these months", Assert.Single((await pairs.Mentor.GetFromJsonAsync<List<ListNotes.Item>>(Pairs.Notes(p), Json.Options))!).Text);
        var messages = (await pairs.Mentee.GetFromJsonAsync<ConversationsApi.MessagePage>(Pairs.Messages(p), Json.Options))!;
        Assert.Equal("It was a pleasure", Assert.Single(messages.Messages).Text);
        var page = await (await pairs.Mentee.GetAsync($"/Conversations/Notes?pairingId={p}")).Html();
        Assert.Contains("This pairing has ended", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Write", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheConversation_ComesNewestLast_InPagesOfFifty_AndOpeningItMarksThePartnersMessagesRead()
    {
        var pairs = await Pairs.Published(App, Admin);
        var p = pairs.First;
        for (var i = 1; i <= ListMessages.PageSize + 2; i++)
        {
            App.Clock.Advance(TimeSpan.FromMinutes(1));
            await Pairs.Send(i % 2 == 0 ? pairs.Mentee : pairs.Mentor, p, $"message {i}");
        }

        var newest = (await pairs.Mentee.GetFromJsonAsync<ConversationsApi.MessagePage>(Pairs.Messages(p), Json.Options))!;
        var older = (await pairs.Mentee.GetFromJsonAsync<ConversationsApi.MessagePage>(Pairs.Messages(p, "?page=2"), Json.Options))!;
        var badPage = await pairs.Mentee.GetAsync(Pairs.Messages(p, "?page=0"));

        Assert.Equal((2, 52), (newest.Pages, newest.Total));
        Assert.Equal(Enumerable.Range(3, 50).Select(i => $"message {i}"), newest.Messages.Select(m => m.Text));
        Assert.Equal(["message 1", "message 2"], older.Messages.Select(m => m.Text));
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        var unread = await App.Query(db => db.Messages.Where(m => m.ReadAt == null).Select(m => m.Sender).Distinct().ToListAsync());
        Assert.Equal([ParticipantRole.Mentee], unread);
    }

    [Fact]
    public async Task TheEmailNotice_HoldsNoText_AndOnlyOneWaitsUntilThePartnerReads()
    {
        var pairs = await Pairs.Published(App, Admin);
        var p = pairs.First;
        const string Secret = "My manager does not know I am applying elsewhere";
        Task<List<OutboxMessage>> Notices() => App.Query(db => db.Outbox.Where(m => m.Kind == MessageEmails.NoticeKind).OrderBy(m => m.CreatedAt).ToListAsync());

        await Pairs.Send(pairs.Mentor, p, Secret);
        await Pairs.Send(pairs.Mentor, p, Secret + ", again");
        var whileUnread = await Notices();
        await pairs.Mentee.GetAsync($"/Conversations/Messages?pairingId={p}");
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        await Pairs.Send(pairs.Mentor, p, Secret + ", a third time");
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        await Pairs.Send(pairs.Mentee, p, "Thank you for trusting me with that");

        var notice = Assert.Single(whileUnread);
        Assert.Equal("l1@example.com", notice.To);
        Assert.Equal(pairs.ProgramId, notice.ProgramId);
        Assert.Contains($"/Conversations/Messages?pairingId={p}", notice.TextBody, StringComparison.Ordinal);
        var all = await Notices();
        Assert.Equal(["l1@example.com", "l1@example.com", "m1@example.com"], all.Select(m => m.To));
        foreach (var m in all)
        {
            Assert.DoesNotContain("applying elsewhere", m.Subject + m.TextBody + m.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain("trusting me", m.Subject + m.TextBody + m.HtmlBody, StringComparison.Ordinal);
        }
        var outbox = await (await pairs.Manager.GetAsync("/Programs/Outbox")).Html();
        Assert.DoesNotContain("applying elsewhere", outbox, StringComparison.Ordinal);
        Assert.Equal("Person M1 sent you a message in Digital fluency", notice.Subject);
    }
}
