using System.Globalization;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.Options;

namespace Ikm.Workflow.Engine;

/// <summary>
/// The door before any conversation: only a person's private chat reaches the flows. An update from a group,
/// supergroup or channel gets one short notice pointing to the private chat — no conversation, member or document is
/// read or written for it, only that notice's outbox row — and an update from another bot is dropped.
/// </summary>
public sealed class PrivateChatGate(BotIdentity identity, IOptions<BotOptions> options)
{
    /// <summary>Splits a batch: the updates the pipeline handles, and the notices for the rest.</summary>
    public Admission Admit(IReadOnlyList<IncomingMessage> updates)
    {
        if (updates.All(IsAdmitted))
            return new Admission(updates, [], 0);

        var admitted = new List<IncomingMessage>(updates.Count);
        var notices = new List<OutgoingMessage>();
        var refused = 0;
        foreach (var update in updates)
        {
            if (IsAdmitted(update))
            {
                admitted.Add(update);
                continue;
            }

            refused++;
            if (!update.FromBot)
                notices.Add(Notice(update));
        }

        return new Admission(admitted, notices, refused);
    }

    /// <summary>The notice's texts in both languages: the only texts the sender lets into a chat that is not private.</summary>
    public IReadOnlyList<string> NoticeTexts => [NoticeText(Languages.Indonesian), NoticeText(Languages.English)];

    private static bool IsAdmitted(IncomingMessage update) =>
        !update.FromBot && update.Chat == ChatKind.Private && ChatIds.IsPrivate(update.ChatId);

    private OutgoingMessage Notice(IncomingMessage update) => new()
    {
        // Derived from the update, so a redelivered update finds its notice already in the outbox.
        Id = string.Create(CultureInfo.InvariantCulture, $"np:{update.ChatId}:{update.UpdateId}"),
        ChatId = update.ChatId,
        Text = NoticeText(Languages.Normalize(update.LanguageCode, options.Value.DefaultLanguage)),
    };

    private string NoticeText(string language) => CommonTexts.PrivateChatsOnly.In(language, identity.Username);
}

/// <summary>What the gate let through, the notices for the refused updates, and how many were refused.</summary>
public sealed record Admission(IReadOnlyList<IncomingMessage> Admitted, IReadOnlyList<OutgoingMessage> Notices, int Refused);
