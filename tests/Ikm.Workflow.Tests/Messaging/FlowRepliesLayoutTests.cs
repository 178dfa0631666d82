using Ikm.Workflow.Businesses;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Storage;
using Ikm.Workflow.Tests.Flows.Evaluations;
using Ikm.Workflow.Tests.Flows.Visits;
using Ikm.Workflow.Tests.Support;

namespace Ikm.Workflow.Tests.Messaging;

/// <summary>Real flow replies laid out per channel: unchanged on Telegram, within WhatsApp's buttons and lists.</summary>
public sealed class FlowRepliesLayoutTests
{
    [Fact]
    public async Task TheEvaluationScoreRow_IsUnchangedOnTelegram_AndAListOnWhatsApp()
    {
        var chat = await EvaluationFlowTests.MentorWithLoggedVisitAsync("production");
        await chat.StartAsync();
        await chat.PressAsync(chat.Button("Abon Ikan Mama Ani"));
        var scale = chat.LastReply.Buttons!;

        var telegram = Assert.IsType<ButtonLayout.ButtonRows>(ButtonLayout.Arrange(scale, ChannelCapabilities.Telegram));
        var whatsApp = Assert.IsType<ButtonLayout.ChoiceList>(ButtonLayout.Arrange(scale, ChannelCapabilities.WhatsApp));

        Assert.Equal(scale, telegram.Rows);
        Assert.Equal(["1", "2", "3", "4", "5", "⏭ Lewati bidang ini"], whatsApp.Rows.Select(b => b.Label));
        Assert.Equal(scale.SelectMany(row => row).Select(b => b.Data), whatsApp.Rows.Select(b => b.Data));
    }

    [Fact]
    public async Task AMentorsTenIkms_AreAListOnWhatsApp_WithTitlesEllipsized_AndTheirData()
    {
        var store = await MentorWithIkmsAsync(10, i => $"Kelompok Usaha Bersama Tenun Ikat {i}");
        var chat = VisitFlowsScene.CheckIn(store);

        await chat.StartAsync();
        var ikms = chat.LastReply.Buttons!;
        var list = Assert.IsType<ButtonLayout.ChoiceList>(ButtonLayout.Arrange(ikms, ChannelCapabilities.WhatsApp));

        Assert.Equal(10, list.Rows.Count);
        Assert.All(list.Rows, row => Assert.Equal("Kelompok Usaha Bersama…", row.Label));
        Assert.All(list.Rows, row => Assert.True(row.Label.Length <= ChannelCapabilities.WhatsApp.List!.MaxRowTitleLength));
        Assert.Equal(ikms.SelectMany(row => row).Select(b => b.Data), list.Rows.Select(b => b.Data));
        Assert.Equal(ikms, Assert.IsType<ButtonLayout.ButtonRows>(ButtonLayout.Arrange(ikms, ChannelCapabilities.Telegram)).Rows);
    }

    [Fact]
    public async Task ALongIkmName_IsEllipsizedOnAWhatsAppButton_AndPressingItStillChecksIn()
    {
        var store = await MentorWithIkmsAsync(1, _ => "Abon Ikan Mama Ani Sejahtera Bersama");
        var chat = VisitFlowsScene.CheckIn(store);
        await chat.StartAsync();

        var shown = Assert.Single(Assert.Single(Assert.IsType<ButtonLayout.ButtonRows>(
            ButtonLayout.Arrange(chat.LastReply.Buttons, ChannelCapabilities.WhatsApp)).Rows));
        Assert.Equal("Abon Ikan Mama Ani…", shown.Label);
        Assert.Equal(chat.Button("Abon Ikan Mama Ani Sejahtera Bersama"), shown.Data);

        await chat.PressAsync(shown.Data);
        Assert.Contains("Kirim lokasi", chat.LastReply.Text);
    }

    [Fact]
    public async Task EveryButtonOfAFlowsReplies_FitsTelegramsCallbackData()
    {
        var chat = await EvaluationFlowTests.MentorWithLoggedVisitAsync("production", "quality");
        await chat.StartAsync();
        await chat.PressAsync(chat.Button("Abon Ikan Mama Ani"));
        await chat.PressAsync(chat.Button("5"));

        var buttons = chat.Replies.SelectMany(r => r.Buttons ?? []).SelectMany(row => row).ToList();
        Assert.NotEmpty(buttons);
        Assert.All(buttons, b => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(b.Data), 1, Ikm.Workflow.Kernel.ChoiceCodec.MaxBytes));
        Assert.All(chat.Replies, TelegramFit.AssertShownAsBuilt);
    }

    /// <summary>The scene's mentor assigned <paramref name="count"/> IKMs named by <paramref name="name"/>.</summary>
    private static async Task<InMemoryStore> MentorWithIkmsAsync(int count, Func<int, string> name)
    {
        var store = new InMemoryStore();
        var businesses = Enumerable.Range(1, count)
            .Select(i => new Business { Id = Guid.NewGuid(), OwnerUserId = 100 + i, BusinessName = name(i), Commodity = "tenun", Location = VisitFlowsScene.House })
            .ToList();
        List<DocumentChange> documents = [new(new Cohort { Id = "c1", TimeZoneId = "Asia/Makassar" })];
        documents.AddRange(businesses.Select((b, i) =>
            new DocumentChange(new Assignment { Id = $"a{i}", CohortId = "c1", BusinessId = b.Id, MentorUserId = FlowHarness.ChatId })));
        await store.CommitAsync([new ChangeSet { Documents = [.. businesses.Select(d => new DocumentChange(d)), .. documents] }], CancellationToken.None);
        return store;
    }
}
