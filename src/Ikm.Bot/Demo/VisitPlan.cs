namespace Ikm.Bot.Demo;

/// <summary>
/// The weeks' visits, drawn from the seed: each IKM on its own weekday, in the morning, four hours and a bit; a few
/// missed weeks (caught up the next Monday afternoon, so no silence reaches the two-week escalation), a few short visits,
/// one check-in far from the house, one forgotten check-out, one retro visit — and, for the owner who went silent, no
/// visit after the first weeks, which is the program's one escalation.
/// </summary>
public static class VisitPlan
{
    public static IReadOnlyList<PlannedVisit> Draw(DemoCast cast, int weeks, DateOnly firstMonday, Random random)
    {
        ArgumentNullException.ThrowIfNull(cast);
        ArgumentNullException.ThrowIfNull(random);
        var lastSilentWeek = weeks >= 6 ? 1 : 0;
        var slots = new Dictionary<(long Owner, int Week), VisitKind?>();
        foreach (var owner in cast.Owners)
        {
            for (var week = 0; week < weeks; week++)
                slots[(owner.UserId, week)] = owner.Silent && week > lastSilentWeek ? null : VisitKind.OnTime;
        }

        var free = slots.Keys.Where(k => slots[k] == VisitKind.OnTime && !cast.Owners.Single(o => o.UserId == k.Owner).Silent)
            .OrderBy(k => k.Owner).ThenBy(k => k.Week).OrderBy(_ => random.Next()).ToList();
        var owners = cast.Owners.ToDictionary(o => o.UserId);

        // A missed week needs the weeks around it to be ordinary: the visit before on the IKM's own weekday (Wednesday or
        // later), the catch-up on the next Monday.
        // One miss per IKM at most: two catch-up Mondays around a second miss would be exactly two weeks apart.
        var missed = new HashSet<long>();
        foreach (var key in free.ToList())
        {
            if (missed.Count == Math.Max(1, cast.Owners.Count / 5)) break;
            if (missed.Contains(key.Owner) || owners[key.Owner].Index < 2 || key.Week < 1 || key.Week > weeks - 2) continue;
            if (slots[(key.Owner, key.Week - 1)] != VisitKind.OnTime || slots[(key.Owner, key.Week + 1)] != VisitKind.OnTime) continue;
            slots[key] = null;
            slots[(key.Owner, key.Week + 1)] = VisitKind.CatchUp;
            free.RemoveAll(k => k.Owner == key.Owner && Math.Abs(k.Week - key.Week) <= 1);
            missed.Add(key.Owner);
        }

        Take(VisitKind.Far, 1);
        Take(VisitKind.ForgottenCheckOut, 1, k => owners[k.Owner].Index >= 1);
        Take(VisitKind.Retro, 1, k => owners[k.Owner].Index <= 2);
        Take(VisitKind.Short, Math.Max(1, cast.Owners.Count / 5));

        var visits = new List<PlannedVisit>();
        foreach (var ((ownerId, week), kind) in slots.OrderBy(s => s.Key.Week).ThenBy(s => s.Key.Owner))
        {
            if (kind is not { } visitKind) continue;
            var owner = owners[ownerId];
            var monday = firstMonday.AddDays(7 * week);
            var minutes = random.Next(0, 61);
            var extra = random.Next(0, 46);
            visits.Add(visitKind switch
            {
                VisitKind.CatchUp => new PlannedVisit(owner, week, monday, new TimeOnly(14, 0), TimeSpan.FromMinutes(250), visitKind),
                VisitKind.Short => new PlannedVisit(owner, week, monday.AddDays(owner.Index % 5), new TimeOnly(8, 0).AddMinutes(minutes),
                    TimeSpan.FromMinutes(120 + extra / 2), visitKind),
                _ => new PlannedVisit(owner, week, monday.AddDays(owner.Index % 5), new TimeOnly(8, 0).AddMinutes(minutes),
                    TimeSpan.FromMinutes(250 + extra), visitKind),
            });
        }

        return visits;

        void Take(VisitKind kind, int count, Func<(long Owner, int Week), bool>? fits = null)
        {
            foreach (var key in free.Where(k => fits?.Invoke(k) ?? true).Take(count).ToList())
            {
                slots[key] = kind;
                free.Remove(key);
            }
        }
    }
}
