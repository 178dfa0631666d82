namespace Ikm.Workflow.Storage;

/// <summary>How long data is kept (configuration section "Retention"; env <c>Retention__OutboxDays</c>, <c>Retention__DraftDays</c>).</summary>
public sealed class RetentionOptions
{
    /// <summary>Delivered outbox rows (which keep no text or file once delivered) and generated files are purged after this.</summary>
    public int OutboxDays { get; set; } = 30;

    /// <summary>Answers of an unfinished form or diagnosis, untouched for this long, are deleted.</summary>
    public int DraftDays { get; set; } = 180;
}
