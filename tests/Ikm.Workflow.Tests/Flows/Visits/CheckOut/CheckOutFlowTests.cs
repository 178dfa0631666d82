using Ikm.Workflow.Flows.Visits;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Tests.Support;

namespace Ikm.Workflow.Tests.Flows.Visits.CheckOut;

public sealed class CheckOutFlowTests
{
    [Fact]
    public async Task CheckOut_Logbook_AndTheFifthPhoto_SaveTheVisit()
    {
        var (store, _) = await VisitFlowsScene.SeedAsync();
        var checkIn = VisitFlowsScene.CheckIn(store);
        await checkIn.StartAsync();
        await checkIn.PressAsync(checkIn.Button("Abon Ikan Mama Ani"));
        await checkIn.LocationAsync(VisitFlowsScene.House.Latitude, VisitFlowsScene.House.Longitude);

        var chat = VisitFlowsScene.CheckOut(store);
        chat.Now = checkIn.Now.AddHours(4);
        await chat.StartAsync();
        Assert.Equal("Selesai kunjungan di Abon Ikan Mama Ani sekarang? (mulai 09:00 WITA, 4 jam)", chat.LastReply.Text);
        Assert.Empty(chat.LastWork.StagedDocuments);
        await chat.PressAsync(chat.Button("✅ Ya, selesai"));
        Assert.Contains("lama kunjungan 4 jam", chat.Replies[^2].Text);
        Assert.Contains("Masalah apa", chat.LastReply.Text);
        Assert.Equal(VisitStatus.Logging, Assert.IsType<Visit>(Assert.Single(chat.LastWork.StagedDocuments).Document).Status);

        // Text questions get a text; a choice gets its first option, then (a multi-select) its last button, "done".
        var ticked = false;
        for (var turn = 0; turn < 20 && chat.Conversation.State == "Logbook"; turn++)
        {
            if (chat.LastReply.Buttons is not { Count: > 0 } buttons) await chat.TextAsync("Kemasan baru");
            else await chat.PressAsync((ticked ? buttons[^1][^1] : buttons[0][0]).Data);
            ticked = !ticked && chat.LastReply.Buttons is { Count: > 0 } && chat.Replies.Count > 1 && chat.LastReply.Text == chat.Replies[^2].Text;
        }

        Assert.Equal("Photos", chat.Conversation.State);
        for (var photo = 1; photo <= CheckOutFlowPhotos; photo++) await chat.PhotoAsync($"file-{photo}");

        var visit = Assert.IsType<Visit>(Assert.Single(chat.LastWork.StagedDocuments).Document);
        Assert.Equal((VisitStatus.Completed, 5), (visit.Status, visit.Photos.Count));
        Assert.Equal("Kemasan baru", visit.Problem);
        Assert.Contains("Logbook tersimpan", chat.LastReply.Text);
        Assert.Equal("", chat.Conversation.Flow);
        Assert.False(chat.Conversation.Data.ContainsKey("draft:checkout"));
    }

    [Fact]
    public async Task CheckOut_Cancelled_KeepsTheVisitOpen()
    {
        var (store, _) = await VisitFlowsScene.SeedAsync();
        var checkIn = VisitFlowsScene.CheckIn(store);
        await checkIn.StartAsync();
        await checkIn.PressAsync(checkIn.Button("Abon Ikan Mama Ani"));
        await checkIn.LocationAsync(VisitFlowsScene.House.Latitude, VisitFlowsScene.House.Longitude);

        var chat = VisitFlowsScene.CheckOut(store);
        await chat.StartAsync();
        await chat.PressAsync(chat.Button("❌ Batal"));

        Assert.Equal(VisitTexts.KeptOpen.In("id"), chat.LastReply.Text);
        Assert.Empty(chat.LastWork.StagedDocuments);
        Assert.Equal("", chat.Conversation.Flow);
    }

    [Fact]
    public async Task NothingOpen_SaysSo()
    {
        var (store, _) = await VisitFlowsScene.SeedAsync();
        var chat = VisitFlowsScene.CheckOut(store);

        await chat.StartAsync();

        Assert.Equal(VisitTexts.NoOpenVisit.In("id"), chat.LastReply.Text);
        Assert.Equal("", chat.Conversation.Flow);
    }

    private const int CheckOutFlowPhotos = Ikm.Workflow.Flows.Visits.CheckOut.CheckOutFlow.MaxPhotos;
}
