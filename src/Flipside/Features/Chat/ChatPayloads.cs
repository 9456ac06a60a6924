using System.Text.Json;
using System.Text.Json.Nodes;
using Flipside.Domain;

namespace Flipside.Features.Chat;

/// <summary>The body each chat tool's incoming webhook expects: Slack's text with blocks, Teams' message with an Adaptive Card.</summary>
public static class ChatPayloads
{
    public static string For(ChatChannel channel, string title, string text, string link) =>
        (channel == ChatChannel.Slack ? Slack(title, text, link) : Teams(title, text, link)).ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    public static JsonObject Slack(string title, string text, string link) => new()
    {
        // The plain text is what notifications and clients without blocks show.
        ["text"] = $"{title}: {text}",
        ["blocks"] = new JsonArray(
            new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = title } },
            new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = $"{Escape(text)}\n<{link}|Open in Flipside>" },
            }),
    };

    public static JsonObject Teams(string title, string text, string link) => new()
    {
        ["type"] = "message",
        ["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.card.adaptive",
            ["content"] = new JsonObject
            {
                ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                ["type"] = "AdaptiveCard",
                ["version"] = "1.4",
                ["body"] = new JsonArray(
                    new JsonObject { ["type"] = "TextBlock", ["text"] = title, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
                    new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true }),
                ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open in Flipside", ["url"] = link }),
            },
        }),
    };

    // Slack reads &, < and > as markup in mrkdwn; a program or cohort name must not become a link or a mention.
    private static string Escape(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
