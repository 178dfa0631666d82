namespace Ikm.TestKit;

/// <summary>An error answer of the Bot API (<c>{"ok":false,...}</c>), thrown inside a method handler.</summary>
internal sealed class BotApiError(int errorCode, string description, int? retryAfter = null) : Exception(description)
{
    public int ErrorCode { get; } = errorCode;

    public string Description { get; } = description;

    public int? RetryAfter { get; } = retryAfter;

    public static BotApiError BadRequest(string detail) => new(400, "Bad Request: " + detail);
}
