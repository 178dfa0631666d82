using Ikm.Workflow.Conversations;
using Ikm.Workflow.Texts;
using Ikm.Workflow.Tests.Support;

namespace Ikm.Workflow.Tests.Kernel;

/// <summary>The kernel's contract, through <see cref="SampleFlow"/>: routing, refusals, help, back, drafts, the terminal step.</summary>
public sealed class FlowKernelTests
{
    private static readonly string Stale = CommonTexts.StaleButton.In("id");

    private static async Task<FlowHarness> StartedAsync()
    {
        var harness = new FlowHarness(new SampleFlow());
        await harness.StartAsync();
        return harness;
    }

    [Fact]
    public async Task AWholeConversation_ReachesTheTerminalStep_LeavesTheFlowAndDropsTheDraft()
    {
        var chat = await StartedAsync();
        Assert.Equal("sample", chat.Conversation.Flow);
        Assert.Equal("AskingHours", chat.Conversation.State);

        await chat.TextAsync("2,5");
        await chat.TextAsync("Pengemasan");
        Assert.Equal("Simpan 2,5 jam: Pengemasan?", chat.LastReply.Text);
        await chat.PressAsync(chat.Button("Simpan"));

        Assert.Equal(["Berapa jam?", "Catatan?", "Simpan 2,5 jam: Pengemasan?", "✅"], chat.Replies.Select(r => r.Text));
        Assert.Equal("", chat.Conversation.Flow);
        Assert.Equal("", chat.Conversation.State);
        Assert.Empty(chat.Conversation.Data);
    }

    [Fact]
    public async Task TheDraft_IsTypedJsonInTheConversation_AndSurvivesARestart()
    {
        var chat = await StartedAsync();
        await chat.TextAsync("3");

        Assert.Equal("""{"Hours":3,"Note":null}""", chat.Conversation.Data["draft:sample"]);

        var restarted = new FlowHarness(new SampleFlow());
        Copy(chat.Conversation, restarted.Conversation);
        await restarted.TextAsync("Label");
        Assert.Equal("Simpan 3 jam: Label?", restarted.LastReply.Text);
    }

    [Fact]
    public async Task InputTheReaderRefuses_IsAnsweredWithItsReasonAndTheQuestionAgain_AndChangesNothing()
    {
        var chat = await StartedAsync();

        await chat.TextAsync("dua jam");

        Assert.Equal(["Berapa jam?", SampleFlow.NotHours.In("id") + "\n\nBerapa jam?"], chat.Replies.Select(r => r.Text));
        Assert.Equal("AskingHours", chat.Conversation.State);
        Assert.False(chat.Conversation.Data.ContainsKey("draft:sample"));
    }

    [Fact]
    public async Task ATriggerItsGuardRefuses_IsUnhandled_AndAnsweredWithTheStepsHelp()
    {
        var chat = await StartedAsync();

        await chat.TextAsync("14");

        Assert.Equal(["Berapa jam?", "Berapa jam?"], chat.Replies.Select(r => r.Text));
        Assert.Equal("AskingHours", chat.Conversation.State);
    }

    [Fact]
    public async Task InputNoRouteReads_GetsTheHelp_AndAButtonGetsTheStaleNote()
    {
        var chat = await StartedAsync();
        await chat.LocationAsync(-0.9, 119.87);
        Assert.Equal("Berapa jam?", chat.LastReply.Text);

        await chat.TextAsync("2");
        await chat.TextAsync("Catatan");
        await chat.PressAsync("sm:save:old");
        Assert.Equal(Stale, chat.LastReply.Text);
        await chat.PressAsync("ev:save");
        Assert.Equal(Stale, chat.LastReply.Text);
        Assert.Equal("Confirming", chat.Conversation.State);
    }

    [Fact]
    public async Task Back_FiresTheStepsBackTrigger_AndHelpRepeatsThePrompt()
    {
        var chat = await StartedAsync();
        await chat.TextAsync("2");

        Assert.True(await chat.BackAsync());
        Assert.Equal("AskingHours", chat.Conversation.State);
        Assert.False(await chat.BackAsync());

        await chat.HelpAsync();
        Assert.Equal(["Berapa jam?", "Catatan?", "Berapa jam?", "Berapa jam?"], chat.Replies.Select(r => r.Text));
    }

    [Fact]
    public async Task AFollowUpTrigger_FiresAfterTheEntryAction_AndCanEndTheFlow()
    {
        var chat = new FlowHarness(new SampleFlow()) { Now = new DateTimeOffset(2026, 12, 6, 1, 0, 0, TimeSpan.Zero) };

        await chat.StartAsync();

        Assert.Equal(["Berapa jam?", "Hari Minggu libur."], chat.Replies.Select(r => r.Text));
        Assert.Equal("", chat.Conversation.Flow);
    }

    [Fact]
    public async Task AStoredStateThisVersionDoesNotKnow_IsIdle_AndAnsweredWithGeneralHelp()
    {
        var chat = new FlowHarness(new SampleFlow());
        chat.Conversation.Flow = "sample";
        chat.Conversation.State = "Removed";

        await chat.TextAsync("3");

        Assert.Equal(CommonTexts.EngineCommands.In("id"), chat.LastReply.Text);
        Assert.Equal("sample", chat.Conversation.Flow);
    }

    [Fact]
    public void TheDiagram_HasOnlyLabelledEdges()
    {
        var diagram = Stateless.Graph.MermaidGraph.Format(new SampleFlow().Describe());

        Assert.DoesNotContain("[Function]", diagram);
        Assert.Contains("AskingHours --> AskingNote : HoursGiven / keep hours [at most 12 hours]", diagram);
        Assert.Contains("AskingNote --> AskingHours : BackToHours", diagram);
    }

    private static void Copy(Conversation from, Conversation to)
    {
        to.Flow = from.Flow;
        to.State = from.State;
        foreach (var (key, value) in from.Data) to.Data[key] = value;
    }
}
