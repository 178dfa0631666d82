using Ikm.Workflow.Flows.Visits;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Tests.Support;

namespace Ikm.Workflow.Tests.Flows.Visits.CheckIn;

public sealed class CheckInFlowTests
{
    [Fact]
    public async Task NearTheHouse_ChecksIn_AndLeavesTheFlowWithoutADraft()
    {
        var (store, business) = await VisitFlowsScene.SeedAsync();
        var chat = VisitFlowsScene.CheckIn(store);

        await chat.StartAsync();
        Assert.Equal(VisitTexts.ChooseIkm.In("id"), chat.LastReply.Text);
        await chat.PressAsync(chat.Button("Abon Ikan Mama Ani"));
        Assert.Contains("Kirim lokasi", chat.LastReply.Text);
        await chat.LocationAsync(VisitFlowsScene.House.Latitude + 0.0005, VisitFlowsScene.House.Longitude);

        var visit = Assert.IsType<Visit>(Assert.Single(chat.LastWork.StagedDocuments).Document);
        Assert.Equal((business.Id, VisitStatus.CheckedIn, VisitFlags.None), (visit.BusinessId, visit.Status, visit.Flags));
        Assert.InRange(visit.DistanceMeters!.Value, 50, 60);
        Assert.Contains("09:00 WITA", chat.LastReply.Text);
        Assert.Equal("", chat.Conversation.Flow);
        Assert.DoesNotContain(chat.Conversation.Data.Keys, k => k.StartsWith("draft:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FarFromTheHouse_AsksWhy_AndFlagsTheVisitWithTheReason()
    {
        var (store, _) = await VisitFlowsScene.SeedAsync();
        var chat = VisitFlowsScene.CheckIn(store);
        await chat.StartAsync();
        await chat.PressAsync(chat.Button("Abon Ikan Mama Ani"));

        await chat.LocationAsync(VisitFlowsScene.House.Latitude + 0.009, VisitFlowsScene.House.Longitude);
        Assert.Contains("batas 500 m", chat.LastReply.Text);
        Assert.Empty(chat.LastWork.StagedDocuments);
        await chat.TextAsync("  Pendampingan di pasar  ");

        var visit = Assert.IsType<Visit>(Assert.Single(chat.LastWork.StagedDocuments).Document);
        Assert.Equal(VisitFlags.FarFromProductionHouse, visit.Flags);
        Assert.Equal("Pendampingan di pasar", visit.DistanceReason);
    }

    [Fact]
    public async Task AForgedIkmButton_IsRefused_AndTheListStays()
    {
        var (store, _) = await VisitFlowsScene.SeedAsync();
        var chat = VisitFlowsScene.CheckIn(store);
        await chat.StartAsync();

        await chat.PressAsync($"vf:ikm:{Guid.NewGuid():N}");

        Assert.Equal(VisitTexts.NotYourIkm.In("id"), chat.LastReply.Text);
        Assert.Equal("ChoosingIkm", chat.Conversation.State);
    }

    [Fact]
    public async Task WhileCheckedIn_ASecondCheckIn_SaysWhere_AndOpensNothing()
    {
        var (store, _) = await VisitFlowsScene.SeedAsync();
        var chat = VisitFlowsScene.CheckIn(store);
        await chat.StartAsync();
        await chat.PressAsync(chat.Button("Abon Ikan Mama Ani"));
        await chat.LocationAsync(VisitFlowsScene.House.Latitude, VisitFlowsScene.House.Longitude);

        await chat.StartAsync();

        Assert.Contains("masih check-in di Abon Ikan Mama Ani sejak 09:00 WITA", chat.LastReply.Text);
        Assert.Equal("", chat.Conversation.Flow);
    }

    [Fact]
    public async Task WithoutIkms_SaysSo_AndOpensNothing()
    {
        var chat = VisitFlowsScene.CheckIn(new InMemoryStore());

        await chat.StartAsync();

        Assert.Equal(VisitTexts.NoIkms.In("id"), chat.LastReply.Text);
        Assert.Equal("", chat.Conversation.Flow);
    }
}
