using Hangfire;
using Ikm.Scheduler.Reports;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Flows.OwnerData;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Reports;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.Logging;

namespace Ikm.Scheduler.Jobs;

/// <summary>
/// Builds the reports asked for in chats (<see cref="ReportRequest"/>), off the update path: enqueued right after the
/// request's commit, and found again by a scan every minute when that notice was lost (a crash, in-memory Hangfire
/// after a restart). The result is queued in the outbox in the same write that deletes the request, with ids derived
/// from the request, so a second build of the same request (the scan and the enqueued job racing) sends nothing twice.
/// One report is built at a time in a host (<see cref="ReportBuildGate"/>).
/// </summary>
[AutomaticRetry(Attempts = 3)]
public sealed class ReportJob(
    IDocumentStore documents,
    IBotStore store,
    IProgramReports reports,
    OwnerDataService ownerData,
    ReportFileWriter writer,
    ReportBuildGate gate,
    IOutboxFiles files,
    IOutboxNotifier notifier,
    TimeProvider time,
    ILogger<ReportJob> log)
{
    public const string RecurringId = "report-requests";

    /// <summary>A request older than this without a result lost its enqueued job: the scan builds it.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(1);

    /// <summary>Builds the stored requests whose job was lost, oldest first.</summary>
    public async Task RunPendingAsync(CancellationToken ct)
    {
        var staleBefore = time.GetUtcNow() - StaleAfter;
        var stale = (await documents.AllAsync<ReportRequest>(ct)).Where(r => r.RequestedAt <= staleBefore).OrderBy(r => r.RequestedAt).ToList();
        foreach (var request in stale)
            await BuildAsync(request, ct);
        if (stale.Count > 0)
            log.LogInformation("Report scan: {Count} requests built late", stale.Count);
    }

    /// <summary>Builds one request; nothing happens when it is already answered (and so deleted).</summary>
    public async Task RunAsync(string requestId, CancellationToken ct)
    {
        if (await documents.GetAsync<ReportRequest>(requestId, ct) is { } request)
            await BuildAsync(request, ct);
    }

    private async Task BuildAsync(ReportRequest request, CancellationToken ct)
    {
        IReadOnlyList<OutgoingMessage> result;
        await gate.WaitAsync(ct);
        try
        {
            // Another run may have answered it while this one waited its turn.
            if (await documents.GetAsync<ReportRequest>(request.Id, ct) is not { } current) return;
            request = current;
            result = await MessagesAsync(request, ct);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or StoreUnavailableException))
        {
            // A bug or unreadable data, not an outage: retrying would fail the same way every minute. Tell the chat.
            log.LogError("Report request {RequestId} ({Kind}) failed with {ErrorType}: {Stack}",
                request.Id, request.Kind, ex.GetType().Name, ScrubbedException.Describe(ex));
            result = [new OutgoingMessage { Id = "", ChatId = request.ChatId, Text = ReportTexts.Failed.In(request.Language) }];
        }
        finally
        {
            gate.Release();
        }

        List<OutgoingMessage> messages = [.. result.SelectMany(m => MessageSplitter.Split(m)).Select((m, i) => m with { Id = request.MessageId(i), ChatId = request.ChatId })];
        try
        {
            await store.CommitAsync([new ChangeSet { Outgoing = messages, Documents = [new DocumentChange(request, Delete: true)] }], ct);
        }
        catch (ConcurrencyException)
        {
            log.LogInformation("Report request {RequestId} was answered by another run (or erased)", request.Id);
            foreach (var message in messages)
                files.Delete(message.FilePath);
            return;
        }

        notifier.Notify(messages);
        log.LogInformation("Report request {RequestId} ({Kind}) answered with {Count} messages", request.Id, request.Kind, messages.Count);
    }

    /// <summary>The answer to the request; its files are written to the outbox's folder, never carried as bytes.</summary>
    private async Task<IReadOnlyList<OutgoingMessage>> MessagesAsync(ReportRequest request, CancellationToken ct)
    {
        var lang = request.Language;
        if (request.Kind == ReportKind.OwnerData)
        {
            var member = await store.GetMemberAsync(request.UserId, ct);
            var answer = await ownerData.BuildAsync(new ChatWork(documents, ct, store), request, member, time.GetUtcNow());
            return [.. answer.Select(m => m.FileContent is { } content
                ? m with { FileContent = null, FilePath = writer.Write(m.Kind, m.FileName ?? "data", content).Path }
                : m)];
        }

        var cohortId = request.CohortId ?? "";
        var report = request.Kind switch
        {
            ReportKind.Export => await reports.ExportAsync(cohortId, lang, ct),
            ReportKind.ExportCsv => await reports.ExportCsvAsync(cohortId, lang, ct),
            ReportKind.Late => await reports.LateAsync(cohortId, lang, ct),
            ReportKind.Ranking => await reports.RankingAsync(cohortId, lang, ct),
            _ => await reports.WeeklyAsync(cohortId, lang, ct),
        };
        return [new OutgoingMessage { Id = "", ChatId = request.ChatId, Text = report.Text, Buttons = report.Buttons }, .. report.Files.Select(f => f.ToMessage(request.ChatId))];
    }
}
