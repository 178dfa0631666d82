using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Flows.Questions;

namespace Ikm.Workflow.Flows.Diagnosis;

/// <summary>
/// The diagnosis's sink: answers go straight into the owner's <see cref="DiagnosisResponse"/> (staged with the turn);
/// the question asked and the ticks of a multi-select stay in the flow's draft.
/// </summary>
public sealed class DiagnosisAnswers(TurnContext context, DiagnosisResponse response, DiagnosisDraft draft) : IAnswerSink
{
    public IReadOnlyDictionary<string, string> Answers => response.Answers;

    public IReadOnlyCollection<string> FromProfile => response.FromProfile;

    public string? Current
    {
        get => draft.Current;
        set => draft.Current = value;
    }

    public IReadOnlyList<string> Ticked(string questionId) => draft.Selections.GetValueOrDefault(questionId) ?? [];

    public void SetTicked(string questionId, IReadOnlyList<string> ticked) => draft.Selections[questionId] = [.. ticked];

    public void Store(string questionId, string value)
    {
        response.Answers[questionId] = value;
        response.LastAnsweredAt = context.Now;
        context.Work.Stage(response);
        draft.Selections.Remove(questionId);
    }
}
