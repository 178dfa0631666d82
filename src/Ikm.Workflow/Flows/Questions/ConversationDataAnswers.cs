using Ikm.Workflow.Conversations;

namespace Ikm.Workflow.Flows.Questions;

/// <summary>
/// Answers kept in the conversation's data under a prefix ("ch.a.name", "ch.q", "ch.sel.areas"): the sink of the flows
/// not yet on the flow kernel's typed drafts. Kept readable so that conversations stored by earlier versions resume.
/// </summary>
public sealed class ConversationDataAnswers(Conversation conversation, string prefix) : IAnswerSink
{
    private string CurrentKey => prefix + ".q";
    private string AnswerPrefix => prefix + ".a.";

    public IReadOnlyDictionary<string, string> Answers =>
        conversation.Data.Where(kv => kv.Key.StartsWith(AnswerPrefix, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key[AnswerPrefix.Length..], kv => kv.Value);

    public string? Current
    {
        get => conversation.Data.GetValueOrDefault(CurrentKey);
        set
        {
            if (value is null) conversation.Data.Remove(CurrentKey);
            else conversation.Data[CurrentKey] = value;
        }
    }

    public IReadOnlyList<string> Ticked(string questionId) =>
        conversation.Data.TryGetValue(SelectionKey(questionId), out var stored) ? stored.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];

    public void SetTicked(string questionId, IReadOnlyList<string> ticked) => conversation.Data[SelectionKey(questionId)] = string.Join(' ', ticked);

    public void Store(string questionId, string value)
    {
        conversation.Data[AnswerPrefix + questionId] = value;
        conversation.Data.Remove(SelectionKey(questionId));
    }

    /// <summary>Forgets every answer under the prefix (after they were turned into a document).</summary>
    public void Clear()
    {
        foreach (var key in conversation.Data.Keys.Where(k => k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
            conversation.Data.Remove(key);
    }

    private string SelectionKey(string questionId) => $"{prefix}.sel.{questionId}";
}
