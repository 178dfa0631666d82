using Ikm.Workflow.Conversations;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Storage;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ikm.Workflow.Engine;

public sealed record BatchOutcome(int Handled, int Duplicates, int Failed);

/// <summary>
/// Handles a batch of updates (one getUpdates page, or the webhook requests gathered by the coalescer):
/// loads the chats' conversations in one read, runs each chat's updates in order (chats in parallel),
/// and writes everything in ONE commit. Only after that commit may the channel confirm the updates.
/// </summary>
public sealed class UpdatePipeline(
    IBotStore store,
    IOwnerStore owners,
    IDocumentStore documents,
    ConversationEngine engine,
    PrivateChatGate gate,
    IOutboxNotifier notifier,
    TimeProvider time,
    IOptions<BotOptions> options,
    ILogger<UpdatePipeline> log)
{
    private const int ConflictRetries = 3;

    public async Task<BatchOutcome> ProcessAsync(IReadOnlyList<IncomingMessage> updates, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ProcessOnceAsync(updates, ct);
            }
            catch (ConcurrencyException conflict) when (attempt < ConflictRetries)
            {
                // Another instance wrote the chat between our read and write: read again and redo the batch.
                log.LogInformation("Version conflict on chat {ChatId}; retrying batch (attempt {Attempt})", conflict.ChatId, attempt);
            }
        }
    }

    private async Task<BatchOutcome> ProcessOnceAsync(IReadOnlyList<IncomingMessage> batch, CancellationToken ct)
    {
        // Groups, channels and bots never reach a conversation: only the gate's notices are written for them.
        var admission = gate.Admit(batch);
        var updates = admission.Admitted;
        var byChat = updates.GroupBy(u => u.ChatId).Select(g => g.ToList()).ToList();
        var conversations = await store.GetConversationsAsync(byChat.Select(g => g[0].ChatId).ToList(), ct);
        var members = await store.GetMembersAsync(updates.Select(u => u.UserId).Distinct().ToList(), ct);

        var results = new ChatResult[byChat.Count];
        if (byChat.Count == 1)
        {
            results[0] = await HandleChatAsync(byChat[0], conversations, members, ct);
        }
        else
        {
            await Parallel.ForAsync(0, byChat.Count, new ParallelOptions { CancellationToken = ct }, async (i, token) =>
                results[i] = await HandleChatAsync(byChat[i], conversations, members, token));
        }

        var changes = results.Where(r => r.Changes is not null).Select(r => r.Changes!).ToList();
        if (admission.Notices.Count > 0)
            changes.Add(new ChangeSet { Outgoing = admission.Notices });
        if (changes.Count > 0)
            await store.CommitAsync(changes, ct);

        var outgoing = changes.SelectMany(c => c.Outgoing).ToList();
        if (outgoing.Count > 0)
            notifier.Notify(outgoing);

        return new BatchOutcome(results.Sum(r => r.Handled) + admission.Refused, results.Sum(r => r.Duplicates), results.Sum(r => r.Failed));
    }

    private async Task<ChatResult> HandleChatAsync(
        List<IncomingMessage> updates,
        IReadOnlyDictionary<long, Conversation> conversations,
        IReadOnlyDictionary<long, Member> members,
        CancellationToken ct)
    {
        var first = updates[0];
        var conversation = conversations.TryGetValue(first.ChatId, out var stored)
            ? stored.Clone()
            : Conversation.New(first.ChatId, first.UserId, Languages.Normalize(first.LanguageCode, options.Value.DefaultLanguage));
        var touchedMembers = new Dictionary<long, Member>();
        var outgoing = new List<OutgoingMessage>();
        var failures = new List<FailedUpdate>();
        var work = new ChatWork(owners, documents, ct, store);
        int handled = 0, duplicates = 0;

        foreach (var update in updates)
        {
            if (conversation.HasProcessed(update.UpdateId))
            {
                duplicates++;
                continue;
            }

            var member = touchedMembers.GetValueOrDefault(update.UserId) ?? members.GetValueOrDefault(update.UserId)?.CloneMember();
            if (member is { Unreachable: true })
            {
                // A user who blocked the bot cannot write to it: an update from them means they are reachable again.
                member.Unreachable = false;
                touchedMembers[member.UserId] = member;
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
            catch (Exception ex)
            {
                // A bug, not bad input: keep the chat where it was, record the update as failed (ids only, never text),
                // apologise, and acknowledge it so one poison update cannot block the chat or the queue.
                // The exception object is not logged: its message may quote the user's text. Type and frames only.
                log.LogError("Update {UpdateId} of chat {ChatId} failed with {ErrorType}: {Stack}",
                    update.UpdateId, update.ChatId, ex.GetType().Name, ScrubbedException.Describe(ex));
                conversation = before;
                work.Restore(checkpoint);
                failures.Add(new FailedUpdate(update.UpdateId, update.ChatId, ex.GetType().FullName ?? ex.GetType().Name, time.GetUtcNow()));
                outgoing.Add(new OutgoingMessage
                {
                    Id = $"u:{update.ChatId}:{update.UpdateId}:apology",
                    ChatId = update.ChatId,
                    Text = CommonTexts.Apology.In(conversation.Language),
                });
            }

            conversation.RememberUpdate(update.UpdateId);
        }

        if (handled + failures.Count == 0)
            return new ChatResult(null, 0, duplicates, 0);

        conversation.UpdatedAt = time.GetUtcNow();
        var changes = new ChangeSet
        {
            Conversation = conversation,
            Members = [.. touchedMembers.Values.Where(m => !work.IsMemberDeleted(m.UserId))],
            Outgoing = outgoing,
            Failures = failures,
            Businesses = work.StagedBusinesses,
            Diagnoses = work.StagedDiagnoses,
            DeletedMembers = work.DeletedMembers,
            Documents = work.StagedDocuments,
            Erasures = work.Erasures,
        };
        return new ChatResult(changes, handled, duplicates, failures.Count);
    }

    private sealed record ChatResult(ChangeSet? Changes, int Handled, int Duplicates, int Failed);
}
