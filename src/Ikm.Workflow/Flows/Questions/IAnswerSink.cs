namespace Ikm.Workflow.Flows.Questions;

/// <summary>
/// Where a questionnaire's answers go while it is being filled in: a flow's draft (<see cref="FormProgress"/>), or a
/// document of its own. The runner reads and writes only through this.
/// </summary>
public interface IAnswerSink
{
    IReadOnlyDictionary<string, string> Answers { get; }

    /// <summary>Questions whose answers came from the business profile: not asked, and not counted in the progress.</summary>
    IReadOnlyCollection<string> FromProfile => [];

    /// <summary>The question last asked, whose answer the next message is read as.</summary>
    string? Current { get; set; }

    /// <summary>The choices ticked so far of a multi-select question.</summary>
    IReadOnlyList<string> Ticked(string questionId);

    void SetTicked(string questionId, IReadOnlyList<string> ticked);

    /// <summary>Stores an answer and forgets the question's ticks.</summary>
    void Store(string questionId, string value);
}
