using Ikm.Bot.Tests.Support;
using Ikm.TestKit;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Storage;

namespace Ikm.Bot.Tests.Channels;

/// <summary>
/// Issue 10 item 1 through the emulator: groups, supergroups and channels get one short notice and nothing else
/// (no flow, no conversation, no member, no document); other bots are ignored; and the sender refuses anything but
/// that notice to a chat that is not private, and any file to a chat that is not a member's own.
/// </summary>
public sealed class PrivateChatTests
{
    private const string NoticeId = "Ikm.Bot hanya melayani chat pribadi — buka t.me/IkmTestBot";

    [Fact]
    public async Task DataRequest_GetsOneShortNoticeAndNoDocument_WhenSentInASupergroup()
    {
        await using var telegram = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(telegram);
        var siti = telegram.User(4101, "Siti");
        await OwnerScript.JoinAsOwnerAsync(siti);
        await OwnerScript.RegisterAsync(siti);
        await siti.PressAsync("💾 Simpan");
        await siti.NextReplyAsync();
        var group = telegram.Supergroup(-1001234567890);

        await siti.In(group).SendTextAsync("/datasaya");

        var notice = await telegram.WaitForMessageAsync(group.Id);
        await bot.Dispatcher.WaitIdleAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(NoticeId, Assert.Single(telegram.SentTo(group.Id)).Text);
        Assert.Null(notice.FileName);
        Assert.DoesNotContain(telegram.Sent, m => m.FileName is not null);
        Assert.DoesNotContain(telegram.Calls, c => c is "sendDocument" or "sendPhoto");
    }

    [Fact]
    public async Task Start_StoresNoConversationOrMember_WhenSentInAGroup()
    {
        await using var telegram = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(telegram);
        var group = telegram.Group(-4242);
        var budi = telegram.User(4102, "Budi", languageCode: "en");

        await budi.In(group).SendTextAsync("/start");

        var notice = await telegram.WaitForMessageAsync(group.Id);
        Assert.Equal("Ikm.Bot only works in private chats — open t.me/IkmTestBot", notice.Text);
        Assert.Empty(notice.AllInlineButtons);
        Assert.Null(await bot.Store.GetConversationAsync(group.Id, CancellationToken.None));
        Assert.Null(await bot.Store.GetConversationAsync(budi.Id, CancellationToken.None));
        Assert.Null(await bot.Store.GetMemberAsync(budi.Id, CancellationToken.None));
        Assert.Empty(telegram.SentTo(budi.Id));
    }

    [Fact]
    public async Task ChannelPost_GetsOneShortNotice_AndNoConversation()
    {
        await using var telegram = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(telegram);
        var channel = telegram.Channel(-1009876543210);

        await telegram.PostToChannelAsync(channel, "/start");

        Assert.Equal(NoticeId, (await telegram.WaitForMessageAsync(channel.Id)).Text);
        Assert.Null(await bot.Store.GetConversationAsync(channel.Id, CancellationToken.None));
    }

    [Fact]
    public async Task BotMessage_IsIgnored_InAGroupAndItsOwnChat()
    {
        await using var telegram = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(telegram);
        var group = telegram.Group(-4343);
        var helper = telegram.OtherBot(4199);
        var human = telegram.User(4103);

        await helper.In(group).SendTextAsync("/start");
        await helper.SendTextAsync("/datasaya");
        // Updates are handled in order: once the human's later update is answered, the bot's were handled too.
        await human.SendTextAsync("/start");
        await human.NextReplyAsync();
        await bot.Dispatcher.WaitIdleAsync(TimeSpan.FromSeconds(5));

        Assert.Empty(telegram.SentTo(group.Id));
        Assert.Empty(telegram.SentTo(helper.Id));
        Assert.Null(await bot.Store.GetConversationAsync(helper.Id, CancellationToken.None));
        Assert.Null(await bot.Store.GetConversationAsync(group.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Sender_RefusesPersonalTextAndFiles_ToAChatThatIsNotAMembersOwn()
    {
        await using var telegram = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(telegram);
        const long member = 4104, stranger = 4105, group = -4444;
        await bot.Store.CommitAsync(
            [new ChangeSet { Members = [new Member { UserId = member, ChatId = member, Role = MemberRole.Owner, JoinedAt = DateTimeOffset.UtcNow }] }],
            CancellationToken.None);
        var file = new byte[] { 1, 2, 3 };
        OutgoingMessage[] messages =
        [
            new() { Id = "guard:group-text", ChatId = group, Text = "Siti Aminah, 0812 3456 7890" },
            new() { Id = "guard:group-file", ChatId = group, Kind = OutgoingKind.Document, FileName = "data.json", FileContent = file },
            new() { Id = "guard:group-notice-buttons", ChatId = group, Text = NoticeId, Buttons = [[new Button("x", "menu:help")]] },
            new() { Id = "guard:stranger-file", ChatId = stranger, Kind = OutgoingKind.Document, FileName = "data.json", FileContent = file },
            new() { Id = "guard:stranger-photo", ChatId = stranger, Kind = OutgoingKind.Photo, FileName = "c.png", FileContent = file },
            new() { Id = "guard:group-notice", ChatId = group, Text = NoticeId },
            new() { Id = "guard:member-file", ChatId = member, Kind = OutgoingKind.Document, FileName = "data.json", FileContent = file },
        ];

        await bot.Store.CommitAsync([new ChangeSet { Outgoing = messages }], CancellationToken.None);
        bot.Dispatcher.Notify(messages);

        await telegram.WaitForMessageAsync(member, m => m.FileName == "data.json");
        await telegram.WaitForMessageAsync(group, m => m.Text == NoticeId);
        await bot.Dispatcher.WaitIdleAsync(TimeSpan.FromSeconds(5));
        foreach (var refused in new[] { "guard:group-text", "guard:group-file", "guard:group-notice-buttons", "guard:stranger-file", "guard:stranger-photo" })
            Assert.Equal(OutboxStatus.Dropped, (await bot.Store.GetOutboxEntryAsync(refused, CancellationToken.None))!.Status);
        Assert.Single(telegram.SentTo(group));
        Assert.Empty(telegram.SentTo(stranger));
    }
}
