namespace Ikm.Workflow.Flows.Evaluations;

public enum EvaluationState
{
    Idle,
    ChoosingIkm,
    /// <summary>One area's score, or "skip this area"; entered again for each next area.</summary>
    Score,
    /// <summary>The area's notes, prefilled from the month's logbook: keep them, write them, or none.</summary>
    Notes,
    /// <summary>The three notes written one by one, each optional.</summary>
    Writing,
    /// <summary>Every area's score and notes before anything is stored: save, or open an area again.</summary>
    Summary,
    Saved,
    NothingAssigned,
    NothingToEvaluate,
    NoPlan,
}
