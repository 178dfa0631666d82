namespace Ikm.Bot.Demo;

public enum VisitKind
{
    OnTime,
    /// <summary>Under the cohort's minimum hours.</summary>
    Short,
    /// <summary>Checked in 900 m from the production house, with a reason.</summary>
    Far,
    /// <summary>Never checked out: the open check-in scan asks the next morning, the mentor gives the real end time.</summary>
    ForgottenCheckOut,
    /// <summary>No check-in: logged two days later as a retro visit.</summary>
    Retro,
    /// <summary>The Monday afternoon visit after a missed week.</summary>
    CatchUp,
}

/// <summary>One visit the script makes: which IKM, the local day and time, how long, and what is unusual about it.</summary>
public sealed record PlannedVisit(DemoOwner Owner, int Week, DateOnly Day, TimeOnly Start, TimeSpan Duration, VisitKind Kind)
{
    public TimeOnly End => Start.Add(Duration);
}
