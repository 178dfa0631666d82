using Ikm.Workflow.Flows.Visits;
using Ikm.Workflow.Flows.Visits.CheckOut;
using Ikm.Workflow.Flows.Visits.Retro;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Storage;
using Ikm.Workflow.Tests.Support;

namespace Ikm.Workflow.Tests.Flows.Visits.Retro;

/// <summary>The retro visit through the kernel: IKM → date → hours, then its logbook in the check-out flow.</summary>
public sealed class RetroVisitFlowTests
{
    [Fact]
    public async Task DateAndHours_RecordARetroVisit_AndItsLogbookContinuesInTheCheckOutFlow()
    {
        var (store, business) = await VisitFlowsScene.SeedAsync();
        var chat = VisitFlowsScene.Retro(store);

        await chat.StartAsync();
        await chat.PressAsync(chat.Button("Abon Ikan Mama Ani"));
        Assert.Equal(VisitTexts.AskRetroDate.In("id"), chat.LastReply.Text);
        await chat.TextAsync("5/12/2026");
        Assert.Equal(VisitTexts.FutureDate.In("id") + "\n\n" + VisitTexts.AskRetroDate.In("id"), chat.LastReply.Text);
        await chat.TextAsync("30/11/2026");
        Assert.Equal(VisitTexts.AskRetroHours.In("id"), chat.LastReply.Text);
        await chat.TextAsync("20");
        Assert.Equal(VisitTexts.BadHours.In("id") + "\n\n" + VisitTexts.AskRetroHours.In("id"), chat.LastReply.Text);
        Assert.Equal(nameof(RetroVisitState.AwaitingHours), chat.Conversation.State);
        await chat.TextAsync("4,5");
        Assert.Equal(VisitTexts.AskRetroReason.In("id"), chat.LastReply.Text);
        await chat.TextAsync("HP mati di lokasi");

        var visit = Assert.IsType<Visit>(Assert.Single(chat.LastWork.StagedDocuments).Document);
        Assert.Equal((business.Id, VisitStatus.Logging), (visit.BusinessId, visit.Status));
        Assert.True(visit.Flags.HasFlag(VisitFlags.Retro));
        Assert.Equal("HP mati di lokasi", visit.RetroReason);
        // 30 November 09:00 WITA (the hour a retro visit is assumed to start), 4 h 30 min long.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero), visit.StartedAt);
        Assert.Equal(TimeSpan.FromMinutes(270), visit.EndedAt - visit.StartedAt);
        Assert.Equal(CheckOutFlow.FlowName, chat.Conversation.Flow);
        Assert.Contains("Masalah apa", chat.LastReply.Text);
    }

    [Fact]
    public async Task AnIkmButtonOfAnotherMentor_IsRefused_AndTheListStays()
    {
        var (store, _) = await VisitFlowsScene.SeedAsync();
        var chat = VisitFlowsScene.Retro(store);
        await chat.StartAsync();
        var own = chat.Button("Abon Ikan Mama Ani");

        await chat.PressAsync(own[..(own.LastIndexOf(':') + 1)] + Guid.NewGuid().ToString("N"));

        Assert.Equal(VisitTexts.NotYourIkm.In("id"), chat.LastReply.Text);
        Assert.Equal(nameof(RetroVisitState.ChoosingIkm), chat.Conversation.State);
    }

    [Fact]
    public async Task AnUnfinishedLogbook_IsToBeFinishedFirst()
    {
        var (store, business) = await VisitFlowsScene.SeedAsync();
        var logging = new Visit { Id = "v1", CohortId = "c1", BusinessId = business.Id, MentorUserId = FlowHarness.ChatId, Status = VisitStatus.Logging };
        await store.CommitAsync([new ChangeSet { Documents = [new(logging)] }], CancellationToken.None);
        var chat = VisitFlowsScene.Retro(store);

        await chat.StartAsync();

        Assert.Contains("Abon Ikan Mama Ani", chat.LastReply.Text);
        Assert.Equal(VisitTexts.FinishLogbookFirst.In("id", "Abon Ikan Mama Ani"), chat.LastReply.Text);
        Assert.Equal("", chat.Conversation.Flow);
    }

    [Fact]
    public async Task AMentorWithoutIkms_IsToldSo()
    {
        var chat = VisitFlowsScene.Retro(new InMemoryStore());

        await chat.StartAsync();

        Assert.Equal(VisitTexts.NoIkms.In("id"), chat.LastReply.Text);
        Assert.Equal("", chat.Conversation.Flow);
    }
}
