using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Flows.Questions;

namespace Ikm.Workflow.Flows.Diagnosis;

/// <summary>
/// The diagnosis's sink: answers go straight into the owner's <see cref="DiagnosisResponse"/> (staged with the turn), so
/// a diagnosis stopped halfway is a document the program can see; the question asked and the ticks stay in the chat.
/// </summary>
public sealed class DiagnosisAnswers(TurnContext context, DiagnosisResponse response, string prefix) : IAnswerSink
{
    private readonly ConversationDataAnswers _chat = new(context.Conversation, prefix);

    public IReadOnlyDictionary<string, string> Answers => response.Answers;

    public string? Current
    {
        get => _chat.Current;
        set => _chat.Current = value;
    }

    public IReadOnlyList<string> Ticked(string questionId) => _chat.Ticked(questionId);

    public void SetTicked(string questionId, IReadOnlyList<string> ticked) => _chat.SetTicked(questionId, ticked);

    public void Store(string questionId, string value)
    {
        response.Answers[questionId] = value;
        response.LastAnsweredAt = context.Now;
        context.Work.Stage(response);
        context.Conversation.Data.Remove($"{prefix}.sel.{questionId}");
    }
}
