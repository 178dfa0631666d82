using System.Text.Json.Nodes;

namespace Ikm.Bot.Tests.Support;

/// <summary>Raw Telegram update JSON, for tests that deliver the same or out-of-order updates by hand.</summary>
public static class Updates
{
    public static JsonObject Text(long updateId, long userId, string text, long messageId = 1)
    {
        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = userId, ["type"] = "private", ["first_name"] = "Budi" },
            ["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Budi", ["language_code"] = "id" },
            ["text"] = text,
        };
        if (text.StartsWith('/'))
        {
            var length = text.IndexOf(' ') is var space and > 0 ? space : text.Length;
            message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = length });
        }

        return new JsonObject { ["update_id"] = updateId, ["message"] = message };
    }
}
