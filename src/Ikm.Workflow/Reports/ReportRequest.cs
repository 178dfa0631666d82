using System.Globalization;
using Ikm.Workflow.Documents;

namespace Ikm.Workflow.Reports;

/// <summary>What a report request asks for.</summary>
public enum ReportKind
{
    /// <summary>/ringkasan: this week's digest so far (text, chart, workbook).</summary>
    Weekly,
    /// <summary>/ekspor: everything of the cohort as a workbook.</summary>
    Export,
    /// <summary>/terlambat: IKMs and mentors behind the rules.</summary>
    Late,
    /// <summary>/peringkat: the shortlist ranking.</summary>
    Ranking,
    /// <summary>/datasaya: the owner's own data, JSON and XLSX, to the owner's private chat only.</summary>
    OwnerData,
    /// <summary>/ekspor csv: the export's sheets as CSV files, one ZIP.</summary>
    ExportCsv,
}

/// <summary>
/// A report someone asked for in a chat, written in the same commit as the turn's "⏳" reply and built afterwards by
/// the report job. Stored as a document, not as a Hangfire job: it survives a crash between the commit and the build
/// (and in-memory Hangfire forgetting its queue at restart); the job deletes it in the write that queues the result.
/// Ids only: no name or text, so an erasure has nothing to look for in it.
/// </summary>
[DocumentCollection("report-requests")]
public sealed class ReportRequest : IDocument
{
    public string Id { get; set; } = "";
    public long Version { get; set; }
    public ReportKind Kind { get; set; }
    /// <summary>The cohort of a coordinator report; null for <see cref="ReportKind.OwnerData"/>.</summary>
    public string? CohortId { get; set; }
    /// <summary>Where the result goes: the chat the request came from (a private chat; the sender checks again).</summary>
    public long ChatId { get; set; }
    public long UserId { get; set; }
    public string Language { get; set; } = Texts.Languages.Indonesian;
    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>The request of one update: a replayed update finds it already there.</summary>
    public static string IdFor(long chatId, long updateId) => string.Create(CultureInfo.InvariantCulture, $"report:{chatId}:{updateId}");

    /// <summary>The id of the result's <paramref name="index"/>-th message (deterministic: a rebuild after a crash sends nothing twice).</summary>
    public string MessageId(int index) => string.Create(CultureInfo.InvariantCulture, $"{Id}:{index}");

    public IReadOnlyDictionary<string, string> Indexes() => DocumentIndex.Of(DocumentIndex.Chat(ChatId));
}
