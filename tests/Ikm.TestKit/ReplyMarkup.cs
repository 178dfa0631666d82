using System.Text;
using System.Text.Json.Nodes;

namespace Ikm.TestKit;

/// <summary>A validated reply_markup: inline keyboard (echoed back in the message), reply keyboard, or removal.</summary>
internal sealed record ReplyMarkup(
    IReadOnlyList<IReadOnlyList<InlineButton>> Inline,
    IReadOnlyList<IReadOnlyList<ReplyKey>> Reply,
    bool Remove,
    JsonObject? InlineJson)
{
    public const int MaxCallbackDataBytes = 64;

    public static readonly ReplyMarkup None = new([], [], false, null);

    /// <summary>Compares inline keyboards the way "message is not modified" does.</summary>
    public string InlineSignature => InlineJson?.ToJsonString() ?? "";

    public static ReplyMarkup Parse(JsonNode? markup)
    {
        if (markup is null)
            return None;
        if (markup is not JsonObject obj)
            throw BotApiError.BadRequest("can't parse reply keyboard markup JSON object");

        if (obj["inline_keyboard"] is JsonArray inlineRows)
            return ParseInline(inlineRows);

        if (obj["keyboard"] is JsonArray keyRows)
            return new ReplyMarkup([], ParseKeyboard(keyRows), false, null);

        var remove = obj["remove_keyboard"] is JsonValue flag && flag.TryGetValue(out bool removeKeyboard) && removeKeyboard;
        return new ReplyMarkup([], [], remove, null);
    }

    private static ReplyMarkup ParseInline(JsonArray rows)
    {
        var parsed = new List<IReadOnlyList<InlineButton>>();
        var echo = new JsonArray();
        foreach (var row in rows)
        {
            if (row is not JsonArray buttons)
                throw BotApiError.BadRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
            var parsedRow = new List<InlineButton>();
            var echoRow = new JsonArray();
            foreach (var node in buttons)
            {
                if (node is not JsonObject button)
                    throw BotApiError.BadRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
                var text = StringOf(button["text"]) ?? throw BotApiError.BadRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
                var data = StringOf(button["callback_data"]);
                if (data is not null && (data.Length == 0 || Encoding.UTF8.GetByteCount(data) > MaxCallbackDataBytes))
                    throw BotApiError.BadRequest("BUTTON_DATA_INVALID");
                parsedRow.Add(new InlineButton(text, data ?? "") { Url = StringOf(button["url"]) });
                echoRow.Add(button.DeepClone());
            }

            parsed.Add(parsedRow);
            echo.Add(echoRow);
        }

        return new ReplyMarkup(parsed, [], false, new JsonObject { ["inline_keyboard"] = echo });
    }

    private static List<IReadOnlyList<ReplyKey>> ParseKeyboard(JsonArray rows)
    {
        var parsed = new List<IReadOnlyList<ReplyKey>>();
        foreach (var row in rows)
        {
            if (row is not JsonArray keys)
                throw BotApiError.BadRequest("can't parse keyboard button: KeyboardButton must be a String or an Object");
            var parsedRow = new List<ReplyKey>();
            foreach (var key in keys)
            {
                parsedRow.Add(key switch
                {
                    JsonValue plain when plain.TryGetValue(out string? text) => new ReplyKey(text, false, false),
                    JsonObject button => new ReplyKey(
                        StringOf(button["text"]) ?? throw BotApiError.BadRequest("can't parse keyboard button: Field \"text\" must be of type String"),
                        IsTrue(button["request_location"]),
                        IsTrue(button["request_contact"])),
                    _ => throw BotApiError.BadRequest("can't parse keyboard button: KeyboardButton must be a String or an Object"),
                });
            }

            parsed.Add(parsedRow);
        }

        return parsed;
    }

    internal static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static bool IsTrue(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out bool flag) && flag;
}
