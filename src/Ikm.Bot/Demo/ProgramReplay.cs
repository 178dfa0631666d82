using Ikm.Scheduler.Jobs;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Mentoring.Rules;

namespace Ikm.Bot.Demo;

/// <summary>
/// Replays the program through the real system: the Friday of the set-up, then the weeks — visits as planned, the
/// month's evaluations and self-assessments after their prompts — with the jobs run at every hour on the way, and at
/// the end the coordinator's export. Wipes and rebuilds the data directory first.
/// </summary>
public sealed class ProgramReplay(DemoOptions options)
{
    /// <summary>The first day of the program: Monday 5 October 2026 (ISO week 41).</summary>
    public static readonly DateOnly FirstMonday = new(2026, 10, 5);
    public const string TimeZoneId = "Asia/Makassar";

    private sealed record Scene(DateTimeOffset At, int Order, Func<Task> Act);

    public async Task<DemoRecord> RunAsync()
    {
        if (Directory.Exists(options.DataDirectory)) Directory.Delete(options.DataDirectory, recursive: true);
        Directory.CreateDirectory(options.OutputDirectory);
        var random = new Random(options.Seed);
        var cast = DemoCast.Draw(options, random);
        var calendar = new ProgramCalendar(TimeZoneId);
        var setupDay = FirstMonday.AddDays(-3);
        var clock = new DemoClock(calendar.ToUtc(setupDay, new TimeOnly(7, 0)));
        await using var host = await DemoHost.StartAsync(options.DataDirectory, options.OutputDirectory, clock, DemoCast.CoordinatorId);
        var stage = new DemoStage(host, clock);
        var driver = new ClockDriver(stage, calendar);
        var people = ProgramPeople.Cast(stage, cast);
        await new ProgramSetup(driver, cast, random).RunAsync(setupDay, FirstMonday, months: 2, people);

        var plan = VisitPlan.Draw(cast, options.Weeks, FirstMonday, random);
        var end = End(calendar);
        var mentors = people.Mentors.Select(m => new MentorScript(m, random)).ToList();
        var scenes = new List<Scene>();
        void At(DateOnly day, TimeOnly time, Func<Task> act) => scenes.Add(new Scene(calendar.ToUtc(day, time), scenes.Count, act));
        foreach (var visit in plan)
        {
            var mentor = mentors[visit.Owner.Mentor];
            switch (visit.Kind)
            {
                case VisitKind.Retro:
                    At(visit.Day.AddDays(2), new TimeOnly(16, 30), () => mentor.RetroAsync(visit));
                    break;
                case VisitKind.ForgottenCheckOut:
                    At(visit.Day, visit.Start, () => mentor.CheckInAsync(visit));
                    At(visit.Day.AddDays(1), new TimeOnly(7, 30), () => mentor.CloseForgottenAsync(visit));
                    break;
                default:
                    At(visit.Day, visit.Start, () => mentor.CheckInAsync(visit));
                    At(visit.Day, visit.End, () => mentor.CheckOutAsync(visit));
                    break;
            }
        }

        AddMonthEnds(calendar, end, cast, people, mentors, At);
        foreach (var scene in scenes.Where(s => s.At < end).OrderBy(s => s.At).ThenBy(s => s.Order))
        {
            await driver.MoveToAsync(scene.At);
            await scene.Act();
        }

        await driver.MoveToAsync(end);
        await people.Coordinator.TextAsync("/ekspor");
        await driver.MoveToAsync(clock.GetUtcNow() + ReportJob.StaleAfter + TimeSpan.FromSeconds(30));
        await driver.RunJobsNowAsync();

        var documents = host.Services.GetRequiredService<IDocumentStore>();
        return new DemoRecord(options, cast, calendar, plan, [.. stage.Actions], host.Sender.All,
            await documents.AllAsync<Visit>(CancellationToken.None), clock.GetUtcNow());
    }

    /// <summary>The Monday after the last week, 09:00 (its 08:00 digest in); on to the 1st when the month ends within two days, for the month's digest.</summary>
    private DateTimeOffset End(ProgramCalendar calendar)
    {
        var monday = FirstMonday.AddDays(7 * options.Weeks);
        var first = new DateOnly(monday.Year, monday.Month, 1).AddMonths(1);
        return calendar.ToUtc(first.DayNumber - monday.DayNumber <= 2 ? first : monday, new TimeOnly(9, 0));
    }

    /// <summary>
    /// Each month's evaluation prompt (last working day, 09:00): the mentors evaluate that afternoon — the last mentor
    /// the next morning when the month has a day left — and the owners answer their self-assessment in the evening,
    /// except the silent one.
    /// </summary>
    private static void AddMonthEnds(ProgramCalendar calendar, DateTimeOffset end, DemoCast cast, ProgramPeople people,
        IReadOnlyList<MentorScript> mentors, Action<DateOnly, TimeOnly, Func<Task>> at)
    {
        var month = MonthKey.Of(FirstMonday);
        for (var number = 1; calendar.ToUtc(month.LastWorkingDay, NotificationSchedule.EvaluationPromptTime) < end; number++, month = month.Next())
        {
            var monthNumber = number;
            var promptDay = month.LastWorkingDay;
            for (var m = 0; m < mentors.Count; m++)
            {
                var script = mentors[m];
                var owners = cast.Owners.Where(o => o.Mentor == m).ToList();
                // A month's evaluation can be given only within the month: the late mentor evaluates the next day.
                var late = m == mentors.Count - 1 && mentors.Count > 1 && promptDay < month.LastDay;
                at(late ? promptDay.AddDays(1) : promptDay, late ? new TimeOnly(10, 0) : new TimeOnly(14, 0), () => script.EvaluateAsync(owners, monthNumber));
            }

            foreach (var (owner, user) in cast.Owners.Zip(people.Owners).Where(p => !p.First.Silent))
                at(promptDay, new TimeOnly(19, 0), () => OwnerSelfAssessment.AnswerAsync(user, owner, monthNumber));
        }
    }
}
