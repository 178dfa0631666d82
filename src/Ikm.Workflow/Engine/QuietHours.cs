using Ikm.Workflow.Mentoring.Rules;

namespace Ikm.Workflow.Engine;

/// <summary>
/// The local hours in which scheduled messages (reminders, prompts, digests) are held until morning. The window is
/// [<see cref="Start"/>, <see cref="End"/>) on the recipient's wall clock and may cross midnight (21:00–06:00, the
/// default). <see cref="Start"/> equal to <see cref="End"/> turns quiet hours off. Replies to a member's own message are
/// never held: only <see cref="NotificationWriter"/>'s scheduled overload applies them.
/// </summary>
public sealed class QuietHours
{
    public TimeOnly Start { get; set; } = new(21, 0);

    public TimeOnly End { get; set; } = new(6, 0);

    public bool Enabled => Start != End;

    /// <summary>True when the local wall-clock time falls inside [Start, End).</summary>
    public bool Contains(TimeOnly local)
    {
        if (!Enabled) return false;
        return Start < End
            ? local >= Start && local < End
            : local >= Start || local < End;
    }

    /// <summary>
    /// The earliest instant at or after <paramref name="instant"/> outside quiet hours in the calendar's time zone:
    /// the instant itself when it is outside them, otherwise the next local <see cref="End"/> (as UTC).
    /// </summary>
    public DateTimeOffset NextAllowed(DateTimeOffset instant, ProgramCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var local = calendar.ToLocal(instant);
        if (!Contains(TimeOnly.FromDateTime(local.DateTime))) return instant;

        var date = DateOnly.FromDateTime(local.DateTime);
        var end = calendar.ToUtc(date, End);
        return end > instant ? end : calendar.ToUtc(date.AddDays(1), End);
    }
}
