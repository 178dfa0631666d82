namespace Ikm.Workflow.Questionnaires;

/// <summary>
/// A mentoring topic of an area's plan. <see cref="Unless"/> (on the diagnosis answers) says when the owner already
/// has what the topic teaches — an NIB, a brand, a WhatsApp shop — so it is not recommended.
/// </summary>
public sealed record PlanTopic(LocalizedText Text, Expression? Unless = null)
{
    public bool AppliesTo(IReadOnlyDictionary<string, string> answers) => Unless?.Evaluate(answers) != true;
}
