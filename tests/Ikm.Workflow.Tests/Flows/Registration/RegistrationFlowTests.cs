using Ikm.Workflow.Businesses;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Flows.Questions;
using Ikm.Workflow.Flows.Registration;
using Ikm.Workflow.Members;
using Ikm.Workflow.Tests.Support;

namespace Ikm.Workflow.Tests.Flows.Registration;

/// <summary>Registration through the kernel: consent, questionnaires/registration.yaml, the summary card, the Business.</summary>
public sealed class RegistrationFlowTests
{
    private static readonly Member Owner = new() { UserId = FlowHarness.ChatId, ChatId = FlowHarness.ChatId, Role = MemberRole.Owner };

    [Fact]
    public async Task ConsentAnswersAndSave_StoreTheBusinessWithTheConsentTime()
    {
        var chat = Chat();
        await chat.StartAsync();
        await chat.PressAsync("rg:consent:yes");
        var consentedAt = chat.Now;

        await AnswerAllAsync(chat);
        Assert.Contains("• Nama usaha: Abon Ikan Mama Ani", chat.LastReply.Text);
        chat.Now = chat.Now.AddMinutes(5);
        await chat.PressAsync(chat.Button("💾 Simpan"));

        var business = await chat.Store.GetBusinessByOwnerAsync(FlowHarness.ChatId, CancellationToken.None);
        Assert.Equal(("Abon Ikan Mama Ani", "abon", 4), (business!.BusinessName, business.Commodity, business.Workers));
        Assert.Equal(consentedAt, business.Consent!.AcceptedAt);
        Assert.Equal("", chat.Conversation.Flow);
        Assert.False(chat.Conversation.Data.ContainsKey("draft:registration"));
    }

    [Fact]
    public async Task Declining_StoresNothing_AndEndsTheFlow()
    {
        var chat = Chat();
        await chat.StartAsync();

        await chat.PressAsync("rg:consent:no");

        Assert.Equal(RegistrationTexts.Declined.In("id"), chat.LastReply.Text);
        Assert.Equal("", chat.Conversation.Flow);
        Assert.Null(await chat.Store.GetBusinessByOwnerAsync(FlowHarness.ChatId, CancellationToken.None));
    }

    [Fact]
    public async Task AFieldEditedFromTheSummary_IsAskedWithItsValue_ThenTheSummaryAgain()
    {
        var chat = Chat();
        await chat.StartAsync();
        await chat.PressAsync("rg:consent:yes");
        await AnswerAllAsync(chat);

        await chat.PressAsync("rg:edit:business_name");
        Assert.Contains("✏️ Abon Ikan Mama Ani", chat.LastReply.Text);
        await chat.TextAsync("Abon Cakalang Ani");

        Assert.Contains("• Nama usaha: Abon Cakalang Ani", chat.LastReply.Text);
        await chat.PressAsync("rg:edit:had_credit"); // not relevant: the owner has no bank account
        Assert.Contains("tidak berlaku", chat.LastReply.Text);
    }

    [Fact]
    public async Task AConversationStoredBeforeTheTypedDraft_ResumesWithItsAnswers()
    {
        var chat = Chat();
        chat.Conversation.Flow = RegistrationFlow.FlowName;
        chat.Conversation.State = "Answering";
        chat.Conversation.Data["rg.consent"] = "2026-11-30T02:00:00.0000000+00:00";
        chat.Conversation.Data["rg.a.owner_name"] = "Siti Aminah";
        chat.Conversation.Data["rg.q"] = "business_name";

        await chat.TextAsync("Abon Ikan Mama Ani");

        Assert.Contains("Apa saja produk", chat.LastReply.Text);
        Assert.DoesNotContain(chat.Conversation.Data.Keys, k => k.StartsWith("rg.", StringComparison.Ordinal));
        var draft = System.Text.Json.JsonSerializer.Deserialize<RegistrationDraft>(chat.Conversation.Data["draft:registration"])!;
        Assert.Equal(("Siti Aminah", "Abon Ikan Mama Ani"), (draft.Form.Answers["owner_name"], draft.Form.Answers["business_name"]));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero), draft.ConsentedAt);
    }

    [Fact]
    public async Task BackFromTheSummary_AsksTheLastQuestion()
    {
        var chat = Chat();
        await chat.StartAsync();
        await chat.PressAsync("rg:consent:yes");
        await AnswerAllAsync(chat);

        Assert.True(await chat.BackAsync());

        Assert.Contains("rekening bank", chat.LastReply.Text);
    }

    /// <summary>Every question of registration.yaml, in order, up to the summary card.</summary>
    private static async Task AnswerAllAsync(FlowHarness chat)
    {
        foreach (var answer in new[] { "Siti Aminah", "Abon Ikan Mama Ani", "abon tuna" })
            await chat.TextAsync(answer);
        await chat.PressAsync("rg:commodity:abon");
        foreach (var answer in new[] { "Tondo", "Mantikulore" })
            await chat.TextAsync(answer);
        await chat.TextAsync("lewati");
        foreach (var answer in new[] { "081234567890", "4", "15000000" })
            await chat.TextAsync(answer);
        await chat.PressAsync("rg:legality:pirt");
        await chat.PressAsync("rg:legality:~done");
        await chat.PressAsync("rg:keeps_books:yes");
        await chat.PressAsync("rg:has_bank_account:no");
    }

    private static FlowHarness Chat() => new(new RegistrationFlow(new Ikm.Workflow.Businesses.SentraLabels(TestCatalog.Instance), new QuestionPrompter(), new MenuPresenter()), Owner);
}
