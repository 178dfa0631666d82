using Ikm.Workflow.Audit;
using Ikm.Workflow.Flows.Visits;
using Ikm.Workflow.Flows.Visits.Correction;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Storage;
using Ikm.Workflow.Texts;
using Ikm.Workflow.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ikm.Workflow.Tests.Flows.Visits.Correction;

/// <summary>The correction of a visit's times through the kernel: start → end → confirm → saved, with its refusals.</summary>
public sealed class VisitCorrectionFlowTests
{
    // 1 December 08:00–12:00 WITA; the harness's clock is 2 December 09:00 WITA.
    private static readonly DateTimeOffset Started = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static async Task<(FlowHarness Chat, VisitCorrectionFlow Flow, InMemoryStore Store)> SeedAsync(long mentor = FlowHarness.ChatId, VisitFlags flags = VisitFlags.None, TimeSpan? length = null)
    {
        var (store, business) = await VisitFlowsScene.SeedAsync();
        var visit = new Visit
        {
            Id = "v1", CohortId = "c1", BusinessId = business.Id, MentorUserId = mentor, Status = VisitStatus.Completed,
            StartedAt = Started, EndedAt = Started + (length ?? TimeSpan.FromHours(4)), Flags = flags,
        };
        await store.CommitAsync([new ChangeSet { Documents = [new(visit)] }], CancellationToken.None);
        var flow = new VisitCorrectionFlow(NullLogger<VisitCorrectionFlow>.Instance);
        return (new FlowHarness(flow, VisitFlowsScene.Mentor, store), flow, store);
    }

    private static Task OpenAsync(FlowHarness chat, VisitCorrectionFlow flow, string visitId) => chat.TurnAsync(c => flow.OpenAsync(c, visitId));

    private static async Task<Visit> StoredAsync(InMemoryStore store) => Assert.Single(await store.AllAsync<Visit>(CancellationToken.None));

    [Fact]
    public async Task NewStartAndEnd_AreConfirmedWithTheDuration_ThenSavedWithFlagsAndAnAuditEntry()
    {
        var (chat, flow, store) = await SeedAsync();

        await OpenAsync(chat, flow, "v1");
        Assert.Equal(VisitCorrectionTexts.AskStart.In("id", "Abon Ikan Mama Ani", "08:00 WITA"), chat.LastReply.Text);
        await chat.TextAsync("jam 8");
        Assert.StartsWith(VisitCorrectionTexts.BadTime.In("id"), chat.LastReply.Text);
        Assert.Equal(nameof(VisitCorrectionState.AwaitingStart), chat.Conversation.State);
        await chat.TextAsync("07.30");
        Assert.Equal(VisitCorrectionTexts.AskEnd.In("id", "12:00 WITA"), chat.LastReply.Text);
        await chat.TextAsync("07:00");
        Assert.StartsWith(VisitCorrectionTexts.EndBeforeStart.In("id", "07:30 WITA"), chat.LastReply.Text);
        Assert.Equal(nameof(VisitCorrectionState.AwaitingEnd), chat.Conversation.State);
        await chat.TextAsync("10:00");
        Assert.Equal(VisitCorrectionTexts.Confirm.In("id", "Abon Ikan Mama Ani", "07:30 WITA", "10:00 WITA", "2 jam 30 menit"), chat.LastReply.Text);
        await chat.PressAsync(chat.Button(VisitCorrectionTexts.Save.In("id")));

        var saved = await StoredAsync(store);
        Assert.Equal((Started.AddMinutes(-30), Started.AddHours(2)), (saved.StartedAt, saved.EndedAt!.Value));
        Assert.True(saved.Flags.HasFlag(VisitFlags.Short));
        Assert.StartsWith(VisitCorrectionTexts.Saved.In("id", "07:30 WITA", "10:00 WITA", "2 jam 30 menit", "").TrimEnd('.'), chat.LastReply.Text);
        var audit = Assert.Single(await store.AllAsync<AuditEntry>(CancellationToken.None));
        Assert.Equal((AuditAction.VisitEdited, "c1", "times"), (audit.Action, audit.CohortId, audit.Field));
        Assert.Equal(("2026-12-01T00:00Z/2026-12-01T04:00Z", "2026-11-30T23:30Z/2026-12-01T02:00Z"), (audit.OldValue, audit.NewValue));
        Assert.Equal("", chat.Conversation.Flow);
    }

    [Fact]
    public async Task Cancel_ChangesNothing()
    {
        var (chat, flow, store) = await SeedAsync();
        await OpenAsync(chat, flow, "v1");
        await chat.TextAsync("09:00");
        await chat.TextAsync("13:30");
        await chat.PressAsync(chat.Button(VisitCorrectionTexts.Cancel.In("id")));

        Assert.Equal(VisitCorrectionTexts.Unchanged.In("id"), chat.LastReply.Text);
        var visit = await StoredAsync(store);
        Assert.Equal((Started, Started.AddHours(4)), (visit.StartedAt, visit.EndedAt!.Value));
        Assert.Empty(await store.AllAsync<AuditEntry>(CancellationToken.None));
    }

    [Fact]
    public async Task ATimeNotYetCome_IsRefused()
    {
        var (chat, flow, _) = await SeedAsync();
        await OpenAsync(chat, flow, "v1");
        await chat.TextAsync("08:00");
        chat.Now = new DateTimeOffset(2026, 12, 1, 5, 0, 0, TimeSpan.Zero);
        await chat.TextAsync("14:00");

        Assert.StartsWith(VisitCorrectionTexts.FutureTime.In("id"), chat.LastReply.Text);
        Assert.Equal(nameof(VisitCorrectionState.AwaitingEnd), chat.Conversation.State);
    }

    [Fact]
    public async Task AfterTheWindow_IsRefusedWithTheHours_AndAlsoWhenItClosedMidway()
    {
        var (chat, flow, store) = await SeedAsync();
        chat.Now = Started.AddHours(4 + 48).AddMinutes(1);
        await OpenAsync(chat, flow, "v1");
        Assert.Equal(VisitCorrectionTexts.TooLate.In("id", 48), chat.LastReply.Text);
        Assert.Equal("", chat.Conversation.Flow);

        chat.Now = Started.AddHours(4 + 47);
        await OpenAsync(chat, flow, "v1");
        await chat.TextAsync("08:00");
        await chat.TextAsync("13:00");
        chat.Now = Started.AddHours(4 + 49);
        await chat.PressAsync(chat.Button(VisitCorrectionTexts.Save.In("id")));
        Assert.Equal(VisitCorrectionTexts.TooLate.In("id", 48), chat.LastReply.Text);
        Assert.Equal(Started.AddHours(4), (await StoredAsync(store)).EndedAt);
    }

    [Theory]
    [InlineData(99L, "v1")]
    [InlineData(FlowHarness.ChatId, "v-forged")]
    public async Task AnotherMentorsOrAForgedVisit_IsRefusedAsAStaleButton(long mentor, string visitId)
    {
        var (chat, flow, _) = await SeedAsync(mentor);

        await OpenAsync(chat, flow, visitId);

        Assert.Equal(CommonTexts.StaleButton.In("id"), chat.LastReply.Text);
        Assert.Equal("", chat.Conversation.Flow);
    }

    [Fact]
    public async Task ARetroVisit_IsNotCorrected()
    {
        var (chat, flow, _) = await SeedAsync(flags: VisitFlags.Retro);

        await OpenAsync(chat, flow, "v1");

        Assert.Equal(VisitCorrectionTexts.TooLate.In("id", 48), chat.LastReply.Text);
        Assert.Equal("", chat.Conversation.Flow);
    }
}
