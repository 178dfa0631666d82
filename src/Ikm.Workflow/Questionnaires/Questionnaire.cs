namespace Ikm.Workflow.Questionnaires;

/// <summary>An area the diagnosis scores 1–5, with the mentoring topics recommended when it is weak.</summary>
public sealed record Area(string Id, LocalizedText Label, IReadOnlyList<PlanTopic> PlanTopics);

/// <summary>
/// A validated questionnaire: only <see cref="QuestionnaireLoader"/> makes one, and it never makes a half-valid one.
/// Answers are stored by question id, so <see cref="Id"/> + <see cref="Version"/> identify what an answer meant.
/// </summary>
public sealed class Questionnaire
{
    private readonly Dictionary<string, int> _questionIndex;
    private readonly Dictionary<string, Area> _areas;
    private readonly Lazy<Questionnaire> _selfAssessment;
    private readonly Lazy<Questionnaire> _mentorOnly;

    public Questionnaire(string id, string version, LocalizedText title, IReadOnlyList<Area> areas, IReadOnlyList<Question> questions)
    {
        Id = id;
        Version = version;
        Title = title;
        Areas = areas;
        Questions = questions;
        _questionIndex = questions.Select((q, i) => (q.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        _areas = areas.ToDictionary(a => a.Id, StringComparer.Ordinal);
        _selfAssessment = new Lazy<Questionnaire>(() => new Questionnaire(Id, Version, Title, Areas, [.. Questions.Where(q => q.InSelfAssessment)]));
        _mentorOnly = new Lazy<Questionnaire>(() => new Questionnaire(Id, Version, Title, Areas, [.. Questions.Where(q => !q.InSelfAssessment)]));
    }

    public string Id { get; }
    public string Version { get; }
    public LocalizedText Title { get; }
    public IReadOnlyList<Area> Areas { get; }
    public IReadOnlyList<Question> Questions { get; }

    public Question? FindQuestion(string id) => _questionIndex.TryGetValue(id, out var i) ? Questions[i] : null;

    /// <summary>Position in asking order, or -1 when there is no such question.</summary>
    public int IndexOf(string id) => _questionIndex.TryGetValue(id, out var i) ? i : -1;

    public Area? FindArea(string id) => _areas.GetValueOrDefault(id);

    /// <summary>The questions an owner answers about their own business: those marked self_assessment (built once).</summary>
    public Questionnaire SelfAssessment => _selfAssessment.Value;

    /// <summary>The questions only a mentor answers, not an owner about their own business (the evaluation's notes; built once).</summary>
    public Questionnaire MentorOnly => _mentorOnly.Value;
}
