using System.Text.Json;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Flows.Diagnosis;
using Ikm.Workflow.Flows.Questions;
using Ikm.Workflow.Members;
using Ikm.Workflow.Questionnaires;
using Ikm.Workflow.Storage;
using Ikm.Workflow.Tests.Support;

namespace Ikm.Workflow.Tests.Flows.Diagnosis;

/// <summary>The diagnosis through the kernel: answers in the DiagnosisResponse, the question asked in the draft.</summary>
public sealed class DiagnosisFlowTests
{
    private static readonly Member Owner = new() { UserId = FlowHarness.ChatId, ChatId = FlowHarness.ChatId, Role = MemberRole.Owner };
    private static Questionnaire Questionnaire => TestCatalog.Instance.Diagnosis;

    [Fact]
    public async Task EveryQuestionAnswered_CompletesTheResponse_WithTheResultCardAndPlan()
    {
        var chat = await RegisteredOwnerAsync();
        await chat.StartAsync();
        await chat.PressAsync("dg:new");

        await AnswerAsync(chat, Questionnaire.Questions.Count * 3);

        var response = Assert.Single(await chat.Store.GetDiagnosesByOwnerAsync(FlowHarness.ChatId, CancellationToken.None));
        Assert.Equal(DiagnosisStatus.Completed, response.Status);
        Assert.NotEmpty(response.AreaScores);
        Assert.Equal(3, response.WeakestAreas.Count);
        Assert.Contains(DiagnosisTexts.Plan.In("id"), chat.LastReply.Text);
        Assert.Equal("", chat.Conversation.Flow);
        Assert.False(chat.Conversation.Data.ContainsKey("draft:diagnosis"));
    }

    [Fact]
    public async Task Resume_ContinuesAtTheFirstUnanswered_AndBackChangesTheLastAnswer()
    {
        var chat = await RegisteredOwnerAsync();
        await chat.StartAsync();
        await chat.PressAsync("dg:new");
        await AnswerAsync(chat, 2);
        chat.Conversation.CloseFlow(); // /batal

        await chat.StartAsync();
        Assert.Contains("Lanjutkan diagnosis? 2 dari", chat.LastReply.Text);
        await chat.PressAsync("dg:resume");
        Assert.Contains(Questionnaire.Questions[2].Label.Get("id"), chat.LastReply.Text);

        Assert.True(await chat.BackAsync());
        Assert.Contains(Questionnaire.Questions[1].Label.Get("id"), chat.LastReply.Text);
        Assert.Contains("✏️", chat.LastReply.Text);
    }

    [Fact]
    public async Task AResponseCompletedElsewhere_LeadsBackToTheIntro()
    {
        var chat = await RegisteredOwnerAsync();
        await chat.StartAsync();
        await chat.PressAsync("dg:new");
        var response = Assert.Single(await chat.Store.GetDiagnosesByOwnerAsync(FlowHarness.ChatId, CancellationToken.None));
        response.Status = DiagnosisStatus.Completed;
        await chat.Store.CommitAsync([new ChangeSet { Documents = [new(response)] }], CancellationToken.None);

        await chat.TextAsync("ya");

        Assert.Contains("Diagnosis terakhir selesai", chat.LastReply.Text);
        Assert.Equal(nameof(DiagnosisState.Intro), chat.Conversation.State);
    }

    [Fact]
    public async Task WithoutABusiness_TheOwnerIsAskedToRegisterFirst()
    {
        var chat = new FlowHarness(Flow(), Owner);

        await chat.StartAsync();

        Assert.Equal(DiagnosisTexts.RegisterFirst.In("id"), chat.LastReply.Text);
        Assert.Equal("", chat.Conversation.Flow);
    }

    [Fact]
    public async Task AConversationStoredBeforeTheTypedDraft_AnswersIntoItsResponse()
    {
        var chat = await RegisteredOwnerAsync();
        var response = new DiagnosisResponse
        {
            Id = Guid.NewGuid(), OwnerUserId = FlowHarness.ChatId, QuestionnaireId = Questionnaire.Id, QuestionnaireVersion = Questionnaire.Version,
            Status = DiagnosisStatus.InProgress, StartedAt = chat.Now, LastAnsweredAt = chat.Now,
        };
        await chat.Store.CommitAsync([new ChangeSet { Documents = [new(response)] }], CancellationToken.None);
        var first = Questionnaire.Questions[0];
        chat.Conversation.Flow = DiagnosisFlow.FlowName;
        chat.Conversation.State = "Answering";
        chat.Conversation.Data["dg.id"] = response.Id.ToString();
        chat.Conversation.Data["dg.q"] = first.Id;

        await chat.PressAsync($"dg:{first.Id}:{first.Choices[0].Value}");

        var stored = Assert.Single(await chat.Store.GetDiagnosesByOwnerAsync(FlowHarness.ChatId, CancellationToken.None));
        Assert.True(stored.Answers.ContainsKey(first.Id));
        Assert.DoesNotContain(chat.Conversation.Data.Keys, k => k.StartsWith("dg.", StringComparison.Ordinal));
    }

    /// <summary>Answers the question asked (read from the draft) <paramref name="turns"/> times, or until the flow ends.</summary>
    private static async Task AnswerAsync(FlowHarness chat, int turns)
    {
        for (var turn = 0; turn < turns && chat.Conversation.Flow == DiagnosisFlow.FlowName; turn++)
        {
            var draft = JsonSerializer.Deserialize<DiagnosisDraft>(chat.Conversation.Data["draft:diagnosis"])!;
            var question = Questionnaire.FindQuestion(draft.Current!)!;
            switch (question.Type)
            {
                case QuestionType.SelectMultiple when draft.Selections.ContainsKey(question.Id):
                    await chat.PressAsync($"dg:{question.Id}:~done");
                    break;
                case QuestionType.SelectOne or QuestionType.YesNo or QuestionType.SelectMultiple:
                    await chat.PressAsync($"dg:{question.Id}:{question.Choices[0].Value}");
                    break;
                case QuestionType.Photo:
                    await chat.PhotoAsync("photo-1");
                    break;
                default:
                    await chat.TextAsync("3");
                    break;
            }
        }
    }

    private static DiagnosisFlow Flow() => new(TestCatalog.Instance, new QuestionPrompter());

    private static async Task<FlowHarness> RegisteredOwnerAsync()
    {
        var store = new InMemoryStore();
        var business = new Business { Id = Guid.NewGuid(), OwnerUserId = FlowHarness.ChatId, BusinessName = "Abon Ikan Mama Ani" };
        await store.CommitAsync([new ChangeSet { Documents = [new(business)] }], CancellationToken.None);
        return new FlowHarness(Flow(), Owner, store);
    }
}
