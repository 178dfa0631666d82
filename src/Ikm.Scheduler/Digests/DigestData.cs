using Ikm.Workflow.Businesses;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Mentoring;

namespace Ikm.Scheduler.Digests;

/// <summary>
/// Everything a coordinator digest is made of, loaded by the caller: the builder does no I/O and never reads the clock.
/// Collections may hold other cohorts' documents; the builder keeps those of <see cref="Cohort"/> only.
/// </summary>
public sealed record DigestData
{
    public required Cohort Cohort { get; init; }

    /// <summary>The businesses (IKMs) of the cohort.</summary>
    public IReadOnlyList<Business> Businesses { get; init; } = [];

    public IReadOnlyList<CohortMembership> Memberships { get; init; } = [];

    /// <summary>Assignments of the cohort, history included (ended ones are ignored where the current mentor counts).</summary>
    public IReadOnlyList<Assignment> Assignments { get; init; } = [];

    /// <summary>Mentors and coordinators of the cohort: their display names.</summary>
    public IReadOnlyList<CohortStaff> Staff { get; init; } = [];

    public IReadOnlyList<Visit> Visits { get; init; } = [];

    public IReadOnlyList<Evaluation> Evaluations { get; init; } = [];

    /// <summary>Diagnosis responses of the cohort's businesses (any status; the latest completed one is the baseline).</summary>
    public IReadOnlyList<DiagnosisResponse> Diagnoses { get; init; } = [];

    /// <summary>User ids the channel reported as unreachable (the chat blocked the bot).</summary>
    public IReadOnlyCollection<long> UnreachableUserIds { get; init; } = [];

    /// <summary>Businesses that registered in the digest's period.</summary>
    public IReadOnlyList<Business> NewRegistrations { get; init; } = [];

    /// <summary>The cohort's audit records, for the export's Audit sheet (loaded for /ekspor only).</summary>
    public IReadOnlyList<Workflow.Audit.AuditEntry> Audit { get; init; } = [];

    /// <summary>The instant the digest is made for (from the injected TimeProvider).</summary>
    public required DateTimeOffset Now { get; init; }
}

/// <summary>A digest ready to send: the message text (≤ 4,096 characters), and for the monthly one a chart and a workbook.</summary>
public sealed record Digest(string Text, byte[]? ChartPng, Workbook? Workbook);

/// <summary>Tuning of the digests; the defaults follow the program (DESIGN §1).</summary>
public sealed record DigestOptions
{
    /// <summary>Telegram's limit on a message's text.</summary>
    public const int TelegramMaxText = 4096;

    /// <summary>The shortlist of the program's selection (50 surveyed → 30 mentored → 9 incubated).</summary>
    public int ShortlistSize { get; init; } = 9;

    /// <summary>An IKM is listed as neglected after this many weeks without a completed visit.</summary>
    public int NoVisitWeeks { get; init; } = 2;

    /// <summary>Most items a list shows before "…and N more"; fewer when the text would pass <see cref="MaxTextLength"/>.</summary>
    public int MaxListItems { get; init; } = 15;

    public int MaxTextLength { get; init; } = TelegramMaxText;

    public int ChartWidth { get; init; } = 800;

    public int ChartHeight { get; init; } = 450;
}
