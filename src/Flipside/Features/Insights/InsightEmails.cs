using Flipside.Domain;

namespace Flipside.Features.Insights;

/// <summary>
/// Leadership's response, to both partners of the pair that raised the insight. It carries leadership's words and the
/// focus area, not the insight itself. The program's outbox does not list it for managers: whom it went to would say which
/// pair raised which insight.
/// </summary>
public static class InsightEmails
{
    public const string ResponseKind = "insight-response";

    public static OutboxMessage Response(Insight insight, string programName, Person reader, string baseUrl, DateTimeOffset now) =>
        new OutboxMessage(reader.Email, $"Leadership responded to your insight in {programName}", $"""
            Hello {reader.Name},

            Leadership responded to the insight your pair raised in {programName}{(insight.FocusArea.Length > 0 ? $" about {insight.FocusArea}" : "")}.
            It is now {PairInsights.Describe(insight.Status)}:

            "{insight.Response}"

            Your pair's insights and their responses: {baseUrl}/Insights/Pairing?pairingId={insight.PairingId}
            """, null, now).ForProgram(insight.ProgramId).About(ResponseKind, $"insight:{insight.Id}/{reader.Id}/{insight.Version}");
}
