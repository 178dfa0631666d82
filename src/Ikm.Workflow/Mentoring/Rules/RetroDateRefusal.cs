namespace Ikm.Workflow.Mentoring.Rules;

/// <summary>Why a retro visit's date is refused (see <see cref="VisitRules.RetroDateRefusal"/>).</summary>
public enum RetroDateRefusal
{
    Future,
    OutsideCohort,
    TooLongAgo,
}
