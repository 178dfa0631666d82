using Ikm.Workflow.Conversations;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Reports;
using Ikm.Workflow.Storage;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ikm.Workflow.Engine;

/// <param name="Throttled">Updates acknowledged without running a flow because their chat was over its flood limit.</param>
public sealed record BatchOutcome(int Handled, int Duplicates, int Failed, int Throttled = 0);

/// <summary>
/// Handles a batch of updates (one getUpdates page, or the webhook requests gathered by the coalescer):
/// loads the chats' conversations in one read, runs each chat's updates in order (chats in parallel),
/// and writes everything in ONE commit. Only after that commit may the channel confirm the updates.
/// A batch never fails for one chat's data: a chat whose records cannot be read, or whose changes cannot be
/// written (a bug, not an outage), is recorded as failed and apologised to, and the others are committed. A chat
/// whose write conflicts (another chat of the batch, or another writer, changed what it read) is run again on fresh
/// reads once the others are committed. Only an outage — the store unreachable, disk full, lock timeout — fails the
/// batch, and then nothing of it is confirmed.
/// </summary>
public sealed class UpdatePipeline(
    IBotStore store,
    IDocumentStore documents,
    ConversationEngine engine,
    PrivateChatGate gate,
    ChatFloodGuard flood,
    IOutboxNotifier notifier,
    IReportQueue reports,
    ISentFileCopies sentCopies,
    TimeProvider time,
    IOptions<BotOptions> options,
    ILogger<UpdatePipeline> log)
{
    /// <summary>
    /// How often one chat of a batch is run: a chat still conflicting after that is recorded as failed, so a
    /// write that can never succeed (or a writer that always wins) cannot hold the batch forever.
    /// </summary>
    private const int MaxRunsPerChat = 4;

    public async Task<BatchOutcome> ProcessAsync(IReadOnlyList<IncomingMessage> batch, CancellationToken ct)
    {
        // Groups, channels and bots never reach a conversation: only the gate's notices are written for them.
        var admission = gate.Admit(batch);
        if (admission.Notices.Count > 0)
        {
            // Notices carry no document and no conversation: they cannot conflict, and fail only in an outage.
            await store.CommitAsync([new ChangeSet { Outgoing = admission.Notices }], ct);
            notifier.Notify(admission.Notices);
        }
        var updates = admission.Admitted;
        var pending = updates.GroupBy(u => u.ChatId).Select(g => (IReadOnlyList<IncomingMessage>)[.. g]).ToList();
        var done = new List<ChatResult>();
        for (var run = 1; pending.Count > 0; run++)
        {
            var results = await RunAsync(pending, ct);
            var conflicted = await CommitAsync(results, ct);
            done.AddRange(results.Except(conflicted));
            if (conflicted.Count > 0 && run == MaxRunsPerChat)
            {
                foreach (var chat in conflicted)
                    log.LogWarning("Chat {ChatId} still conflicted after {Runs} runs; its updates are recorded as failed", chat.ChatId, run);
                List<ChatResult> failed = [.. conflicted.Select(r => Failed(r.Updates, r.Fresh, r.Language, ErrorType(typeof(ConcurrencyException))))];
                // A failure record and an apology carry no document and no conversation: nothing in them can conflict.
                await CommitAsync(failed, ct);
                done.AddRange(failed);
                break;
            }

            foreach (var chat in conflicted)
                log.LogInformation("Chat {ChatId} conflicted with another writer; running it again on fresh reads (run {Run})", chat.ChatId, run + 1);
            pending = [.. conflicted.Select(r => r.Updates)];
        }

        return new BatchOutcome(
            done.Sum(r => r.Handled) + admission.Refused, done.Sum(r => r.Duplicates), done.Sum(r => r.Failed), done.Sum(r => r.Throttled));
    }

    /// <summary>Reads what the chats need in one go (chat by chat when a record cannot be read) and runs them, in parallel.</summary>
    private async Task<List<ChatResult>> RunAsync(List<IReadOnlyList<IncomingMessage>> chats, CancellationToken ct)
    {
        var snapshot = await ReadAsync(chats, ct);
        var results = new ChatResult[chats.Count];
        if (chats.Count == 1)
        {
            results[0] = await RunChatAsync(chats[0], snapshot, ct);
        }
        else
        {
            await Parallel.ForAsync(0, chats.Count, new ParallelOptions { CancellationToken = ct }, async (i, token) =>
                results[i] = await RunChatAsync(chats[i], snapshot, token));
        }
        return [.. results];
    }

    private async Task<ChatResult> RunChatAsync(IReadOnlyList<IncomingMessage> updates, Snapshot snapshot, CancellationToken ct)
    {
        var first = updates[0];
        var fallbackLanguage = Languages.Normalize(first.LanguageCode, options.Value.DefaultLanguage);
        if (snapshot.Unreadable.TryGetValue(first.ChatId, out var readError))
            return Failed(updates, updates, fallbackLanguage, readError);
        try
        {
            return await HandleChatAsync(updates, snapshot.Conversations, snapshot.Members, ct);
        }
        catch (Exception ex) when (!IsOutage(ex, ct))
        {
            // Outside any one update's handling (loading the chat's state, staging its writes): the chat fails, not the batch.
            // The exception object is not logged: its message may quote the user's text. Type and frames only.
            log.LogError("Chat {ChatId} failed with {ErrorType}: {Stack}", first.ChatId, ex.GetType().Name, ScrubbedException.Describe(ex));
            return Failed(updates, updates, fallbackLanguage, ErrorType(ex));
        }
    }

    private async Task<Snapshot> ReadAsync(List<IReadOnlyList<IncomingMessage>> chats, CancellationToken ct)
    {
        try
        {
            var conversations = await store.GetConversationsAsync([.. chats.Select(c => c[0].ChatId)], ct);
            var members = await store.GetMembersAsync([.. chats.SelectMany(c => c).Select(u => u.UserId).Distinct()], ct);
            return new Snapshot(conversations, members, new Dictionary<long, string>());
        }
        catch (Exception ex) when (!IsOutage(ex, ct))
        {
            // A stored record the code cannot read (a value an older or newer version wrote) blocks the batch's one
            // read: read chat by chat, so that only the chat holding it fails.
            log.LogWarning("Batch read of {Count} chats failed with {ErrorType}; reading chat by chat", chats.Count, ex.GetType().Name);
        }

        var byChat = new Dictionary<long, Conversation>();
        var byUser = new Dictionary<long, Member>();
        var unreadable = new Dictionary<long, string>();
        foreach (var chat in chats)
        {
            var chatId = chat[0].ChatId;
            try
            {
                var conversations = await store.GetConversationsAsync([chatId], ct);
                var members = await store.GetMembersAsync([.. chat.Select(u => u.UserId).Distinct()], ct);
                foreach (var (id, conversation) in conversations)
                    byChat[id] = conversation;
                foreach (var (id, member) in members)
                    byUser[id] = member;
            }
            catch (Exception ex) when (!IsOutage(ex, ct))
            {
                log.LogError("Stored records of chat {ChatId} cannot be read ({ErrorType}); its updates are recorded as failed", chatId, ex.GetType().Name);
                unreadable[chatId] = ErrorType(ex);
            }
        }
        return new Snapshot(byChat, byUser, unreadable);
    }

    /// <summary>
    /// Commits the chats' changes in one write; returns the chats that conflicted (nothing of theirs was written).
    /// When the write fails for a reason other than an outage, halves the batch until the chat whose changes cannot be
    /// written is alone, and records that chat as failed instead. The results of chats recorded as failed here are
    /// replaced in <paramref name="results"/>.
    /// </summary>
    private async Task<List<ChatResult>> CommitAsync(List<ChatResult> results, CancellationToken ct)
    {
        var writing = results.Where(r => r.Changes is not null).ToList();
        if (writing.Count == 0)
            return [];
        try
        {
            await store.CommitAsync([.. writing.Select(r => r.Changes!)], ct);
            Notify(writing);
            return [];
        }
        catch (ConcurrencyException conflict)
        {
            var conflicted = conflict.ChangeSets.Select(i => writing[i]).ToList();
            var others = writing.Except(conflicted).ToList();
            if (conflict.OthersCommitted)
            {
                Notify(others);
                return conflicted;
            }
            var alsoConflicted = await CommitAsync(others, ct);
            ReplaceIn(results, others);
            return [.. conflicted, .. alsoConflicted];
        }
        catch (Exception ex) when (!IsOutage(ex, ct) && writing.Count > 1)
        {
            log.LogWarning("Commit of {Count} chats failed with {ErrorType}; committing them in halves", writing.Count, ex.GetType().Name);
            var half = writing.Count / 2;
            List<ChatResult> firstHalf = [.. writing.Take(half)], secondHalf = [.. writing.Skip(half)];
            var conflicted = await CommitAsync(firstHalf, ct);
            conflicted.AddRange(await CommitAsync(secondHalf, ct));
            ReplaceIn(results, [.. firstHalf, .. secondHalf]);
            return conflicted;
        }
        catch (Exception ex) when (!IsOutage(ex, ct))
        {
            var poison = writing[0];
            log.LogError("Changes of chat {ChatId} cannot be written ({ErrorType}); its updates are recorded as failed: {Stack}",
                poison.ChatId, ex.GetType().Name, ScrubbedException.Describe(ex));
            var failed = Failed(poison.Updates, poison.Fresh, poison.Language, ErrorType(ex));
            // A failure record and an apology carry no document and no conversation: nothing in them can conflict,
            // and an error writing them is the store's, not the chat's.
            await store.CommitAsync([failed.Changes!], ct);
            Notify([failed]);
            results[results.IndexOf(poison)] = failed;
            return [];
        }
    }

    /// <summary>Carries the results a nested commit replaced (a chat recorded as failed) back into this level's list.</summary>
    private static void ReplaceIn(List<ChatResult> results, List<ChatResult> nested)
    {
        foreach (var result in nested)
        {
            var index = results.FindIndex(r => r.ChatId == result.ChatId);
            if (index >= 0)
                results[index] = result;
        }
    }

    private void Notify(IEnumerable<ChatResult> committed)
    {
        var changes = committed.Select(r => r.Changes!).ToList();
        foreach (var erasure in changes.SelectMany(c => c.Erasures))
            sentCopies.Erase(erasure);
        var outgoing = changes.SelectMany(c => c.Outgoing).ToList();
        if (outgoing.Count > 0)
            notifier.Notify(outgoing);
        List<ReportRequest> requested = [.. changes.SelectMany(c => c.Documents).Where(d => !d.Delete).Select(d => d.Document).OfType<ReportRequest>()];
        if (requested.Count > 0)
            reports.Requested(requested);
    }

    /// <summary>
    /// The chat's fresh (not yet processed) updates recorded as failed — ids and error type only, never text — each
    /// with an apology, and acknowledged: the conversation stays as it was stored.
    /// </summary>
    private ChatResult Failed(IReadOnlyList<IncomingMessage> updates, IReadOnlyList<IncomingMessage> fresh, string language, string errorType)
    {
        var now = time.GetUtcNow();
        var distinct = fresh.DistinctBy(u => u.UpdateId).ToList();
        var changes = new ChangeSet
        {
            Failures = [.. distinct.Select(u => new FailedUpdate(u.UpdateId, u.ChatId, errorType, now))],
            Outgoing = [.. distinct.Select(u => Apology(u, language))],
        };
        return new ChatResult(updates, distinct, language, changes, 0, updates.Count - distinct.Count, distinct.Count, 0);
    }

    private static OutgoingMessage Apology(IncomingMessage update, string language) => new()
    {
        Id = $"u:{update.ChatId}:{update.UpdateId}:apology",
        ChatId = update.ChatId,
        Text = CommonTexts.Apology.In(language),
    };

    private static OutgoingMessage FloodNotice(IncomingMessage update, string language) => new()
    {
        Id = $"u:{update.ChatId}:{update.UpdateId}:flood",
        ChatId = update.ChatId,
        Text = CommonTexts.Flooded.In(language),
    };

    private static string ErrorType(Exception ex) => ErrorType(ex.GetType());

    private static string ErrorType(Type type) => type.FullName ?? type.Name;

    /// <summary>What must fail the whole batch (nothing confirmed, the channel redelivers): the store is out, or we are stopping.</summary>
    private static bool IsOutage(Exception ex, CancellationToken ct) =>
        ex is StoreUnavailableException || (ex is OperationCanceledException && ct.IsCancellationRequested);

    private async Task<ChatResult> HandleChatAsync(
        IReadOnlyList<IncomingMessage> updates,
        IReadOnlyDictionary<long, Conversation> conversations,
        IReadOnlyDictionary<long, Member> members,
        CancellationToken ct)
    {
        var first = updates[0];
        var conversation = conversations.TryGetValue(first.ChatId, out var stored)
            ? stored.Clone()
            : Conversation.New(first.ChatId, first.UserId, Languages.Normalize(first.LanguageCode, options.Value.DefaultLanguage));
        // Checked against the window as it stood when the batch began, so remembering this batch's ids cannot push
        // out the ids a replay of it must still be recognised by; a repeat within the batch is caught on its own.
        var processed = conversation.ProcessedSoFar();
        var seenInBatch = new HashSet<long>();
        var touchedMembers = new Dictionary<long, Member>();
        var outgoing = new List<OutgoingMessage>();
        var failures = new List<FailedUpdate>();
        var fresh = new List<IncomingMessage>();
        var work = new ChatWork(documents, ct, store);
        int handled = 0, duplicates = 0, throttled = 0;

        foreach (var update in updates)
        {
            if (processed.Contains(update.UpdateId, update.UpdateIdsRise) || !seenInBatch.Add(update.UpdateId))
            {
                duplicates++;
                continue;
            }

            fresh.Add(update);
            var member = touchedMembers.GetValueOrDefault(update.UserId) ?? members.GetValueOrDefault(update.UserId)?.CloneMember();
            if (member is { Unreachable: true })
            {
                // A user who blocked the bot cannot write to it: an update from them means they are reachable again.
                member.Unreachable = false;
                touchedMembers[member.UserId] = member;
            }

            if (flood.Check(update.ChatId, update.UpdateId) is var verdict && verdict != FloodVerdict.Serve)
            {
                // Acknowledged and remembered as processed (a replay runs nothing), but no flow runs and no document is
                // written: a flooding chat costs one conversation write per batch and at most one notice per window.
                if (verdict == FloodVerdict.Notice)
                    outgoing.Add(FloodNotice(update, conversation.Language));
                throttled++;
                conversation.RememberUpdate(update.UpdateId);
                continue;
            }

            var before = conversation.Clone();
            var checkpoint = work.Save();
            var context = new TurnContext(update, conversation, member, time.GetUtcNow(), options.Value, work);
            try
            {
                await engine.HandleAsync(context);
                if (context.MemberChanged && context.Member is { } changed)
                    touchedMembers[changed.UserId] = changed;
                outgoing.AddRange(context.Outgoing);
                handled++;
            }
            catch (Exception ex) when (!IsOutage(ex, ct))
            {
                // A bug, not bad input: keep the chat where it was, record the update as failed (ids only, never text),
                // apologise, and acknowledge it so one poison update cannot block the chat or the queue.
                // The exception object is not logged: its message may quote the user's text. Type and frames only.
                log.LogError("Update {UpdateId} of chat {ChatId} failed with {ErrorType}: {Stack}",
                    update.UpdateId, update.ChatId, ex.GetType().Name, ScrubbedException.Describe(ex));
                conversation = before;
                work.Restore(checkpoint);
                failures.Add(new FailedUpdate(update.UpdateId, update.ChatId, ErrorType(ex), time.GetUtcNow()));
                outgoing.Add(Apology(update, conversation.Language));
            }

            conversation.RememberUpdate(update.UpdateId);
        }

        if (handled + failures.Count + throttled == 0)
            return new ChatResult(updates, fresh, conversation.Language, null, 0, duplicates, 0, 0);

        conversation.UpdatedAt = time.GetUtcNow();
        var changes = new ChangeSet
        {
            Conversation = conversation,
            Members = [.. touchedMembers.Values.Where(m => !work.IsMemberDeleted(m.UserId))],
            Outgoing = outgoing,
            Failures = failures,
            DeletedMembers = work.DeletedMembers,
            Documents = work.StagedDocuments,
            Erasures = work.Erasures,
        };
        return new ChatResult(updates, fresh, conversation.Language, changes, handled, duplicates, failures.Count, throttled);
    }

    /// <summary>What the batch's chats were read at; a chat in <see cref="Unreadable"/> has a record that could not be read (its error type).</summary>
    private sealed record Snapshot(
        IReadOnlyDictionary<long, Conversation> Conversations,
        IReadOnlyDictionary<long, Member> Members,
        IReadOnlyDictionary<long, string> Unreadable);

    /// <summary>
    /// One chat's run: its updates, those not processed before (<see cref="Fresh"/>), and what to write. A class, not
    /// a record: runs are told apart by identity, even two of one chat with equal counts.
    /// </summary>
    private sealed class ChatResult(
        IReadOnlyList<IncomingMessage> updates,
        IReadOnlyList<IncomingMessage> fresh,
        string language,
        ChangeSet? changes,
        int handled,
        int duplicates,
        int failed,
        int throttled)
    {
        public IReadOnlyList<IncomingMessage> Updates { get; } = updates;
        public IReadOnlyList<IncomingMessage> Fresh { get; } = fresh;
        public string Language { get; } = language;
        public ChangeSet? Changes { get; } = changes;
        public int Handled { get; } = handled;
        public int Duplicates { get; } = duplicates;
        public int Failed { get; } = failed;
        public int Throttled { get; } = throttled;
        public long ChatId => Updates[0].ChatId;
    }
}
