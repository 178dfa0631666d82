using System.Globalization;
using Ikm.Workflow.Documents;

namespace Ikm.Workflow.Mentoring;

/// <summary>One area of a monthly evaluation: the score now and the same three questions for every mentor.</summary>
public sealed class AreaEvaluation
{
    public string AreaId { get; set; } = "";
    public int Score { get; set; }
    public string Problem { get; set; } = "";
    public string Mentored { get; set; } = "";
    public string Result { get; set; } = "";
    public double? DeltaFromDiagnosis { get; set; }
    public double? DeltaFromPreviousMonth { get; set; }
}

/// <summary>A mentor's monthly evaluation of one IKM (or the owner's self-assessment), per area of its mentoring plan.</summary>
[DocumentCollection("evaluations")]
public sealed class Evaluation : IDocument
{
    public string Id { get; set; } = "";
    public long Version { get; set; }
    public string CohortId { get; set; } = "";
    public Guid BusinessId { get; set; }
    /// <summary>The mentor; for a self-assessment, the owner.</summary>
    public long AuthorUserId { get; set; }
    public bool SelfAssessment { get; set; }
    /// <summary>"2026-11": the month evaluated, in the cohort's time zone.</summary>
    public string Month { get; set; } = "";
    public List<AreaEvaluation> Areas { get; set; } = [];
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>/hapusdata: the free texts (they may name the owner) go, the scores stay; a self-assessment loses its author.</summary>
    public void Anonymise()
    {
        foreach (var area in Areas)
        {
            area.Problem = "";
            area.Mentored = "";
            area.Result = "";
        }
        if (SelfAssessment)
            AuthorUserId = 0;
    }

    public IReadOnlyDictionary<string, string> Indexes() =>
        DocumentIndex.Of(DocumentIndex.Cohort(CohortId), DocumentIndex.Business(BusinessId), DocumentIndex.Author(AuthorUserId), DocumentIndex.Month(Month));
}
