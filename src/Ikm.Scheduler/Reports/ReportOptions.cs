namespace Ikm.Scheduler.Reports;

/// <summary>Configuration section "Reports".</summary>
public sealed class ReportOptions
{
    /// <summary>
    /// Telegram refuses an upload over 50 MB (413 Request Entity Too Large; the limit is on the whole multipart request).
    /// A generated file stays below this, with room for the request's framing and caption: a bigger workbook is split.
    /// </summary>
    public const long TelegramUploadLimit = 50L * 1024 * 1024;

    /// <summary>The largest file the bot sends (<c>Reports__MaxFileBytes</c>); a workbook over it goes out in parts.</summary>
    public long MaxFileBytes { get; set; } = 50_000_000;
}
