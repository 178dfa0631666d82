using Ikm.Workflow.Flows.OwnerData;
using Ikm.Workflow.Members;
using Ikm.Workflow.Texts;
using Ikm.Workflow.Tests.Support;

namespace Ikm.Workflow.Tests.Flows.OwnerData;

public sealed class EraseFlowTests
{
    private static FlowHarness Chat() =>
        new(new EraseFlow(new OwnerErasure(TestCatalog.Instance)), new Member { UserId = FlowHarness.ChatId, ChatId = FlowHarness.ChatId, Role = MemberRole.Owner });

    [Fact]
    public async Task Start_AsksOnce_WithConfirmAndKeepButtons()
    {
        var chat = Chat();

        await chat.StartAsync();

        Assert.Equal(OwnerDataTexts.AskErase.In("id"), chat.LastReply.Text);
        Assert.Equal(["er:yes", "er:no"], chat.LastReply.Buttons!.SelectMany(r => r).Select(b => b.Data));
        Assert.Equal("Confirming", chat.Conversation.State);
    }

    [Fact]
    public async Task Keep_ChangesNothing_AndLeavesTheFlow()
    {
        var chat = Chat();
        await chat.StartAsync();

        await chat.PressAsync(chat.Button(OwnerDataTexts.KeepData.In("id")));

        Assert.Equal(OwnerDataTexts.Kept.In("id"), chat.LastReply.Text);
        Assert.Equal("", chat.Conversation.Flow);
        Assert.Empty(chat.LastWork.DeletedMembers);
    }

    [Fact]
    public async Task Confirm_DeletesTheMember_AndReportsWhatWent()
    {
        var chat = Chat();
        await chat.StartAsync();

        await chat.PressAsync(chat.Button(OwnerDataTexts.ConfirmErase.In("id")));

        Assert.Equal([FlowHarness.ChatId], chat.LastWork.DeletedMembers);
        Assert.Contains(OwnerDataTexts.ErasedAccount.In("id"), chat.LastReply.Text);
        Assert.DoesNotContain(OwnerDataTexts.ErasedConversation.In("id"), chat.LastReply.Text);
        Assert.Equal("", chat.Conversation.Flow);
    }

    [Fact]
    public async Task TypedTextOrAStaleButton_IsAnsweredWithoutErasing()
    {
        var chat = Chat();
        await chat.StartAsync();

        await chat.TextAsync("hapus saja");
        Assert.Equal(OwnerDataTexts.EraseHelp.In("id"), chat.LastReply.Text);
        await chat.PressAsync("er:yes:old");
        Assert.Equal(CommonTexts.StaleButton.In("id"), chat.LastReply.Text);
        Assert.Equal("Confirming", chat.Conversation.State);
    }
}
