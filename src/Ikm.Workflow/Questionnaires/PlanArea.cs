namespace Ikm.Workflow.Questionnaires;

/// <summary>An area of the mentoring plan with the topics recommended for this owner (those they do not already have).</summary>
public sealed record PlanArea(AreaScore Area, IReadOnlyList<LocalizedText> Topics);
