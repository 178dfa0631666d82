using Ikm.Workflow.Conversations;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Storage;

namespace Ikm.Storage.Tests.Support;

/// <summary>Builders for the stored documents. Times are whole milliseconds: MongoDB keeps no finer.</summary>
public static class A
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 3, 8, 30, 15, 123, TimeSpan.FromHours(7));

    public static Conversation Conversation(long chatId, string state = "AskingRevenue")
    {
        var conversation = Ikm.Workflow.Conversations.Conversation.New(chatId, userId: chatId + 1_000_000, "id");
        conversation.Flow = "Onboarding";
        conversation.State = state;
        conversation.UpdatedAt = T0;
        return conversation;
    }

    public static OutgoingMessage Message(string id, long chatId, string text = "Halo", DateTimeOffset? notBefore = null) =>
        new() { Id = id, ChatId = chatId, Text = text, NotBefore = notBefore };

    public static Member Member(long userId, long chatId, MemberRole role = MemberRole.Owner) =>
        new() { UserId = userId, ChatId = chatId, Role = role, Language = "en", JoinedAt = T0, Version = 1 };

    public static ChangeSet Changes(Conversation? conversation, params OutgoingMessage[] outgoing) =>
        new() { Conversation = conversation, Outgoing = outgoing };
}
