namespace Ikm.Workflow.Flows.Evaluations;

public enum EvaluationTrigger
{
    Begin,
    BeginSelf,
    ResumeScore,
    ResumeNotes,
    ResumeWriting,
    ResumeSummary,
    FoundNoIkms,
    FoundNoPlan,
    ChooseIkm,
    /// <summary>The area was scored or skipped.</summary>
    Scored,
    WriteNotes,
    /// <summary>The area's notes are settled.</summary>
    AreaDone,
    BackToScore,
    BackToNotes,
    BackToAreaBefore,
    BackToLastArea,
    Review,
    EditArea,
    Save,
}

/// <summary>The summary's one plain choice; its area buttons carry the area.</summary>
public enum SummaryChoice
{
    Save,
}
