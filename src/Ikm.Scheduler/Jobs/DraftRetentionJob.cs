using Hangfire;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ikm.Scheduler.Jobs;

/// <summary>
/// Deletes answers left unfinished for longer than <see cref="RetentionOptions.DraftDays"/> (180 by default): the data of
/// a conversation untouched that long (its open form is closed too, so nothing resumes on missing answers), and the
/// answers of a diagnosis still in progress. Runs daily; what it finds again was already emptied, so it is safe to rerun.
/// A chat that wrote meanwhile wins the version check and keeps its answers.
/// </summary>
[AutomaticRetry(Attempts = 3)]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed class DraftRetentionJob(IDraftStore drafts, IDocumentStore documents, IBotStore store, TimeProvider time, IOptions<RetentionOptions> options, ILogger<DraftRetentionJob> log)
{
    public const string RecurringId = "draft-retention";
    private const int PerRun = 500;

    public async Task RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var before = now - TimeSpan.FromDays(options.Value.DraftDays);
        int conversations = 0, skipped = 0;
        foreach (var conversation in await drafts.GetIdleDraftsAsync(before, PerRun, ct))
        {
            conversation.Data.Clear();
            conversation.CloseFlow();
            try
            {
                // One chat per write: a conflict (the user came back) must not undo the others.
                await store.CommitAsync([new ChangeSet { Conversation = conversation }], ct);
                conversations++;
            }
            catch (ConcurrencyException)
            {
                skipped++;
            }
        }

        var diagnoses = await documents.GetAbandonedDiagnosesAsync(before, PerRun, ct);
        foreach (var diagnosis in diagnoses)
            diagnosis.Answers.Clear();
        if (diagnoses.Count > 0)
            await store.CommitAsync([new ChangeSet { Documents = [.. diagnoses.Select(d => new DocumentChange(d))] }], ct);
        log.LogInformation("Draft retention: {Conversations} conversations and {Diagnoses} diagnoses emptied, {Skipped} active again",
            conversations, diagnoses.Count, skipped);
    }
}
