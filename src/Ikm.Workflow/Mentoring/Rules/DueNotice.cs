namespace Ikm.Workflow.Mentoring.Rules;

/// <summary>
/// One notice <see cref="NotificationSchedule"/> says is due, to one recipient. <see cref="Id"/> is stable
/// ("reminder:{cohort}:{mentor}:{isoWeek}"…): the outbox keeps one message per id, so a notice asked for again is not sent again.
/// </summary>
public abstract record DueNotice(string Id, long RecipientId);

/// <summary>Monday 07:00 to a mentor: the IKMs not visited this week (none: "all visited"); late when sent over an hour after.</summary>
public sealed record WeeklyVisitReminder(string Id, long RecipientId, IsoWeek Week, IReadOnlyList<Assignment> Unvisited, bool Late)
    : DueNotice(Id, RecipientId);

/// <summary>Thursday 07:00 to a mentor who still has IKMs not visited this week.</summary>
public sealed record VisitNudge(string Id, long RecipientId, IReadOnlyList<Assignment> Unvisited) : DueNotice(Id, RecipientId);

/// <summary>An IKM without a visit for <see cref="NotificationSchedule.NoVisitMentor"/>, to its mentor.</summary>
public sealed record NoVisitEscalation(string Id, long RecipientId, Guid BusinessId, TimeSpan Silence) : DueNotice(Id, RecipientId);

/// <summary>An IKM without a visit for <see cref="NotificationSchedule.NoVisitCoordinator"/>, to each coordinator.</summary>
public sealed record NoVisitAlert(string Id, long RecipientId, Guid BusinessId, CohortStaff Mentor, TimeSpan Silence) : DueNotice(Id, RecipientId);

/// <summary>The last working day 09:00 to a mentor: evaluate the month's IKMs.</summary>
public sealed record EvaluationPrompt(string Id, long RecipientId, MonthKey Month, int Ikms) : DueNotice(Id, RecipientId);

public sealed record EvaluationReminder(string Id, long RecipientId, MonthKey Month, int Missing) : DueNotice(Id, RecipientId);

/// <summary>One IKM's evaluation still missing, to its mentor.</summary>
public sealed record EvaluationEscalation(string Id, long RecipientId, MonthKey Month, Guid BusinessId) : DueNotice(Id, RecipientId);

/// <summary>One IKM's evaluation still missing, to each coordinator.</summary>
public sealed record EvaluationAlert(string Id, long RecipientId, MonthKey Month, Guid BusinessId, CohortStaff Mentor) : DueNotice(Id, RecipientId);

/// <summary>The last working day 09:00 to each approved owner: assess the month yourself.</summary>
public sealed record SelfAssessmentPrompt(string Id, long RecipientId, MonthKey Month) : DueNotice(Id, RecipientId);

/// <summary>Monday 08:00 to each coordinator: the digest of the week before.</summary>
public sealed record WeeklyDigest(string Id, long RecipientId, IsoWeek Week) : DueNotice(Id, RecipientId);

/// <summary>The 1st 08:00 to each coordinator: the digest of the month before.</summary>
public sealed record MonthlyDigest(string Id, long RecipientId, MonthKey Month) : DueNotice(Id, RecipientId);
