using Flipside.Domain;

namespace Flipside.Features.Conversations;

/// <summary>
/// The notice that a partner wrote. It never holds the message: an email is copied, forwarded and kept by mail
/// servers, and the program's outbox is readable by its managers.
/// </summary>
public static class MessageEmails
{
    public const string NoticeKind = "message-notice";

    public static OutboxMessage Notice(PairConversation pair, string baseUrl, DateTimeOffset now) =>
        new OutboxMessage(pair.PartnerEmail, $"{pair.MyName} sent you a message in {pair.ProgramName}", $"""
            Hello {pair.PartnerName},

            {pair.MyName}, your {pair.MyLabel} in {pair.ProgramName}, sent you a message.
            To keep your conversation between the two of you, messages are not sent by email. Read and answer it in Flipside:

            {baseUrl}/Conversations/Messages?pairingId={pair.PairingId}

            You get one notice until you open the conversation, however many messages arrive.
            """, null, now).ForProgram(pair.ProgramId).About(NoticeKind, $"pairing:{pair.PairingId}/messages");
}
