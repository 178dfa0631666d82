namespace Ikm.Workflow.Storage;

/// <summary>An update whose handling threw (a bug, not an outage). Kept so it can be found and replayed; no message text.</summary>
public sealed record FailedUpdate(long UpdateId, long ChatId, string ErrorType, DateTimeOffset At);
