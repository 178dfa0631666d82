using Ikm.Workflow.Questionnaires;

namespace Ikm.Workflow.Businesses;

/// <summary>
/// A fact of the business profile a questionnaire question may be prefilled from (<c>prefill:</c> in the YAML): the
/// answer type it fills, the stored values it can produce (for choice questions), and how it is read from a
/// <see cref="Business"/> — null when the profile does not decide it, so the question is asked.
/// </summary>
public sealed record ProfileField(string Name, QuestionType Type, IReadOnlyList<string> Values, Func<Business, string?> Read);
