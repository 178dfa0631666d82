namespace Ikm.Workflow.Flows.Questions;

/// <summary>A questionnaire being filled in inside a flow's draft: answers by question id, the question asked, ticks.</summary>
public sealed record FormProgress : IAnswerSink
{
    public Dictionary<string, string> Answers { get; set; } = [];
    public string? Current { get; set; }
    public Dictionary<string, List<string>> Selections { get; set; } = [];

    IReadOnlyDictionary<string, string> IAnswerSink.Answers => Answers;

    public IReadOnlyList<string> Ticked(string questionId) => Selections.GetValueOrDefault(questionId) ?? [];

    public void SetTicked(string questionId, IReadOnlyList<string> ticked) => Selections[questionId] = [.. ticked];

    public void Store(string questionId, string value)
    {
        Answers[questionId] = value;
        Selections.Remove(questionId);
    }
}
