using Ikm.Workflow.Documents;

namespace Ikm.Workflow.Diagnoses;

public enum DiagnosisStatus
{
    InProgress,
    Completed,
}

/// <summary>
/// One pass through a diagnosis questionnaire. Answers are saved per question as they come, so the owner can stop and
/// resume days later; a re-take starts a new response and the old ones stay as history.
/// </summary>
[DocumentCollection("diagnoses")]
public sealed class DiagnosisResponse : IDocument
{
    public Guid Id { get; set; }
    /// <summary>0 once the owner erased their data (the scores stay, anonymous).</summary>
    public long OwnerUserId { get; set; }
    public Guid BusinessId { get; set; }
    public string QuestionnaireId { get; set; } = "";
    public string QuestionnaireVersion { get; set; } = "";
    public DiagnosisStatus Status { get; set; }
    /// <summary>Stored answer values by question id (see QuestionAnswer for the forms).</summary>
    public Dictionary<string, string> Answers { get; set; } = [];
    /// <summary>
    /// Questions answered from the business profile when the response began (registration asked them already): their
    /// answers are in <see cref="Answers"/> like any other, so they score the same; this marks where they came from.
    /// </summary>
    public List<string> FromProfile { get; set; } = [];
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LastAnsweredAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary>Score 1–5 per area id, set on completion.</summary>
    public Dictionary<string, double> AreaScores { get; set; } = [];
    /// <summary>The weakest areas, weakest first; they make the mentoring plan.</summary>
    public List<string> WeakestAreas { get; set; } = [];
    public long Version { get; set; }

    string IDocument.Id => DocumentIds.Of(Id);

    /// <summary>An erased owner's responses (owner 0) are found by no owner; the status finds the unfinished ones.</summary>
    public IReadOnlyDictionary<string, string> Indexes() =>
        DocumentIndex.Of([
            .. OwnerUserId == 0 ? [] : new[] { DocumentIndex.Owner(OwnerUserId) },
            DocumentIndex.Business(BusinessId),
            DocumentIndex.Status(Status),
        ]);
}
