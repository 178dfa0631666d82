using Ikm.Workflow.Engine;
using Ikm.Workflow.Flows.Onboarding;
using Ikm.Workflow.Members;
using Ikm.Workflow.Texts;
using Ikm.Workflow.Tests.Support;

namespace Ikm.Workflow.Tests.Flows.Onboarding;

public sealed class OnboardingFlowTests
{
    private static FlowHarness Chat(out OnboardingFlow flow, Member? member = null)
    {
        flow = new OnboardingFlow(new MenuPresenter());
        return new FlowHarness(flow, member);
    }

    [Fact]
    public async Task AnOwner_ChoosesLanguageThenRole_AndJoins()
    {
        var chat = Chat(out _);
        await chat.StartAsync();
        Assert.Equal(OnboardingTexts.Welcome.In("id"), chat.LastReply.Text);

        await chat.PressAsync("ob:lang:en");
        Assert.Equal(OnboardingTexts.AskRole.In("en"), chat.LastReply.Text);
        await chat.PressAsync(chat.Button(OnboardingTexts.RoleOwner.In("en")));

        Assert.Equal("", chat.Conversation.Flow);
        Assert.Equal("en", chat.Conversation.Language);
    }

    [Fact]
    public async Task AMentorWithoutInvite_IsToldSo_WithTheRoleButtonsAgain()
    {
        var chat = Chat(out _);
        await chat.StartAsync();
        await chat.PressAsync("ob:lang:id");

        await chat.PressAsync("ob:role:mentor");

        Assert.Equal(OnboardingTexts.NeedsInvite.In("id", OnboardingTexts.RoleMentor.In("id")), chat.LastReply.Text);
        Assert.Equal(3, chat.LastReply.Buttons!.Count);
        Assert.Equal("ChoosingRole", chat.Conversation.State);
    }

    [Fact]
    public async Task Back_ReturnsToTheLanguage_AndAStaleLanguageButtonAtTheRoleStepIsRefused()
    {
        var chat = Chat(out _);
        await chat.StartAsync();
        await chat.PressAsync("ob:lang:id");

        await chat.PressAsync("ob:lang:en");
        Assert.Equal(CommonTexts.StaleButton.In("id"), chat.LastReply.Text);
        Assert.True(await chat.BackAsync());
        Assert.Equal(OnboardingTexts.AskLanguage.In("id"), chat.LastReply.Text);
        Assert.False(await chat.BackAsync());
    }

    [Fact]
    public async Task LanguageChange_AsksOnlyTheLanguage_AndLeavesTheFlow()
    {
        var member = new Member { UserId = FlowHarness.ChatId, ChatId = FlowHarness.ChatId, Role = MemberRole.Owner, Language = "id" };
        var chat = Chat(out var flow, member);
        await chat.TurnAsync(context => flow.StartLanguageChangeAsync(context));
        Assert.Equal(OnboardingTexts.AskLanguage.In("id"), chat.LastReply.Text);

        await chat.PressAsync("ob:lang:en");

        Assert.Contains(chat.Replies, r => r.Text == OnboardingTexts.LanguageChanged.In("en"));
        Assert.Equal("en", member.Language);
        Assert.Equal("", chat.Conversation.Flow);
        Assert.Empty(chat.Conversation.Data);
    }
}
