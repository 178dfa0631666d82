using System.Globalization;
using Humanizer;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Parsing;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Mentoring.Rules;
using Ikm.Workflow.Questionnaires;
using Ikm.Workflow.Texts;

namespace Ikm.Scheduler.Digests;

/// <summary>
/// The coordinator digests (issue 6): weekly compliance, monthly progress with the shortlist, its chart and workbook,
/// the ranking for /peringkat and the workbook for /ekspor. Pure: all data and "now" come in through <see cref="DigestData"/>.
/// </summary>
/// <param name="sentra">How a sentra is named (<see cref="SentraLabels"/>); without it — a test's digest — as stored.</param>
public sealed class DigestBuilder(DigestOptions? options = null, SentraLabels? sentra = null)
{
    private readonly DigestOptions _options = options ?? new DigestOptions();

    private string Sentra(string? commodity, string lang) => sentra?.Of(commodity, lang) ?? Or(commodity, "-");

    public DigestOptions Options => _options;

    /// <summary>
    /// The weekly digest of <paramref name="week"/> (default: the local week containing <see cref="DigestData.Now"/>, so far).
    /// The Monday job passes the week just ended.
    /// </summary>
    public Digest Weekly(DigestData data, string language, IsoWeek? week = null)
    {
        var index = new CohortIndex(data);
        var lang = Normalize(language);
        var culture = Languages.Culture(lang);
        var calendar = index.Calendar;
        var now = data.Now;
        var reportWeek = week ?? calendar.WeekOf(now);
        var range = calendar.WeekBounds(reportWeek);
        // A past week is measured at its last instant; the silence of neglected IKMs is measured now.
        var asOf = range.End <= now ? range.End.AddTicks(-1) : now;
        var weekReport = ComplianceCalculator.Calculate(index.Cohort, index.Assignments, index.Visits, asOf, _options.NoVisitWeeks);
        var silence = asOf == now
            ? weekReport
            : ComplianceCalculator.Calculate(index.Cohort, index.Assignments, index.Visits, now, _options.NoVisitWeeks);

        var text = new DigestText(lang);
        var rules = index.Cohort.Rules;
        var period = DigestTexts.WeekPeriod.F(lang, IndonesianFormat.Week(reportWeek.Monday, lang), reportWeek.Sunday.Year.ToString(CultureInfo.InvariantCulture), index.Calendar.ZoneLabel);
        if (asOf == now)
            period += DigestTexts.WeekSoFar.F(lang, LocalDateTime(calendar, now, lang));

        var visitsDone = weekReport.Ikms.Sum(i => i.VisitsDone);
        var required = weekReport.Ikms.Sum(i => i.VisitsRequired);
        var hours = weekReport.Mentors.Sum(m => m.Hours);
        text.Lines(
            DigestTexts.WeeklyTitle.F(lang, index.Cohort.Name),
            period,
            DigestTexts.VisitsVsRequired.F(lang, Int(visitsDone, lang), Int(required, lang), Num(hours, lang),
                Int(weekReport.Ikms.Count(i => i.Compliant), lang), Int(weekReport.Ikms.Count, lang),
                Int(rules.MinVisitsPerWeek, lang), Num(rules.MinHoursPerVisit, lang)));

        var retro = weekReport.Ikms.Sum(i => i.RetroVisits);
        if (retro > 0)
            text.Lines(DigestTexts.RetroApart.F(lang, Int(retro, lang)));

        var missed = MissedVisitRates(index, reportWeek);
        var mentorLines = weekReport.Mentors
            .OrderBy(m => m.ComplianceRate)
            .ThenBy(m => index.MentorName(m.MentorUserId), StringComparer.OrdinalIgnoreCase)
            .Select(m => DigestTexts.MentorComplianceLine.F(lang, index.MentorName(m.MentorUserId), Int(m.IkmsVisited, lang),
                Int(m.IkmsAssigned, lang), Int(m.Visits, lang), Num(m.Hours, lang), Percent(m.ComplianceRate),
                m.OverCapacity ? DigestTexts.OverCapacity.F(lang, m.MaxIkms) : "")
                + (m.RetroVisits > 0 ? DigestTexts.MentorRetro.F(lang, Int(m.RetroVisits, lang)) : "")
                + (missed.TryGetValue(m.MentorUserId, out var rate) ? DigestTexts.MissedRate.F(lang, Percent(rate)) : ""))
            .ToList();
        text.List(DigestTexts.MentorCompliance.In(lang), mentorLines);

        var silent = silence.WithoutVisit
            .Select(s => s.LastVisitAt is { } last
                ? DigestTexts.WithoutVisitLine.F(lang, index.BusinessName(s.BusinessId), index.MentorName(s.MentorUserId),
                    last.Humanize(dateToCompareAgainst: now, culture: culture))
                : DigestTexts.NeverVisitedLine.F(lang, index.BusinessName(s.BusinessId), index.MentorName(s.MentorUserId),
                    s.Since.Humanize(dateToCompareAgainst: now, culture: culture)))
            .ToList();
        text.List(DigestTexts.WithoutVisit.F(lang, _options.NoVisitWeeks, Int(silent.Count, lang)), silent);

        var flagged = index.Completed
            .Where(v => v.Flags != VisitFlags.None && range.Contains(v.StartedAt) && v.StartedAt <= asOf)
            .OrderBy(v => v.StartedAt)
            .ToList();
        var flaggedLines = flagged
            .Select(v => DigestTexts.FlaggedLine.F(lang, index.BusinessName(v.BusinessId), index.MentorName(v.MentorUserId),
                LocalDateTime(calendar, v.StartedAt, lang), FlagsText(v, lang)))
            .ToList();
        var flaggedHeader = DigestTexts.Flagged.F(lang, Int(flagged.Count, lang));
        if (flagged.Count > 0)
        {
            flaggedHeader += "\n" + DigestTexts.FlaggedSummary.F(lang,
                Int(flagged.Count(v => v.Flags.HasFlag(VisitFlags.FarFromProductionHouse)), lang),
                Int(flagged.Count(v => v.Flags.HasFlag(VisitFlags.Short)), lang),
                Int(flagged.Count(v => v.Flags.HasFlag(VisitFlags.Retro)), lang),
                Int(flagged.Count(v => v.Flags.HasFlag(VisitFlags.ForgottenCheckOut)), lang));
        }

        text.List(flaggedHeader, flaggedLines);

        var registrations = data.NewRegistrations
            .OrderBy(b => b.RegisteredAt)
            .Select(b => DigestTexts.RegistrationLine.F(lang, CohortIndex.NameOf(b), Sentra(b.Commodity, lang), Or(b.Kecamatan, "-")))
            .ToList();
        text.List(DigestTexts.NewRegistrations.F(lang, Int(registrations.Count, lang)), registrations);

        var diagnosed = index.Baselines(now).Count;
        var ikms = index.Businesses.Count;
        text.Lines(DigestTexts.DiagnosisCompletion.F(lang, Int(diagnosed, lang), Int(ikms, lang), Percent(ikms == 0 ? 0 : (double)diagnosed / ikms)));

        var unreachable = UnreachableNames(index, lang);
        text.List(DigestTexts.Unreachable.F(lang, Int(unreachable.Count, lang)), unreachable);

        return new Digest(text.Render(_options.MaxListItems, _options.MaxTextLength), null, null);
    }

    /// <summary>
    /// The monthly digest of <paramref name="month"/> (default: the local month containing <see cref="DigestData.Now"/>):
    /// progress per area and per IKM since diagnosis, mentor comparison, the shortlist, a chart and a workbook.
    /// </summary>
    public Digest Monthly(DigestData data, Questionnaire diagnosis, string language, MonthKey? month = null)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        var index = new CohortIndex(data);
        var lang = Normalize(language);
        var period = Period(index, month);
        var ranking = Rank(index, period);
        var areas = Areas(index, diagnosis, period, lang);
        var mentors = Mentors(index, period, ranking);

        var text = new DigestText(lang);
        var mentored = MentoredCount(index, period.AsOf);
        text.Lines(
            DigestTexts.MonthlyTitle.F(lang, index.Cohort.Name, MonthName(period.Month, lang)),
            DigestTexts.Funnel.F(lang, Int(index.Businesses.Count, lang), Int(mentored, lang),
                Int(ranking.Count(r => r.Ikm.ScoreChange is not null), lang)));

        text.List(DigestTexts.AreaHeader.In(lang), [.. areas.Select(a => AreaLine(a, lang))]);
        text.List(DigestTexts.MentorComparison.F(lang, MonthName(period.Month, lang)), [.. mentors.Select(m => DigestTexts.MentorComparisonLine.F(lang,
            m.Name, Int(m.IkmsAssigned, lang), Int(m.Visits, lang), Num(m.Hours, lang), Signed(m.AverageScoreChange, lang)))]);

        var top = Math.Min(_options.ShortlistSize, ranking.Count);
        text.List(DigestTexts.Shortlist.F(lang, Int(top, lang), Int(mentored, lang)), [.. ranking.Take(top).Select(r => RankLine(r, lang))]);
        text.List(DigestTexts.PerIkm.In(lang), [.. ranking.Skip(top).Select(r => RankLine(r, lang))], omitWhenEmpty: true);
        text.Lines(DigestTexts.Attachments.In(lang));

        var chart = DigestChart.Render(areas, lang, _options.ChartWidth, _options.ChartHeight);
        var workbook = DigestWorkbook.Build(index, diagnosis, lang, c => Sentra(c, lang), ranking, mentors, period.Range, period.Month.Key);
        return new Digest(text.Render(_options.MaxListItems, _options.MaxTextLength), chart, workbook);
    }

    /// <summary>/peringkat: the shortlist ranking as of <paramref name="month"/> (default the current month), top <paramref name="top"/> (default the shortlist size).</summary>
    public string Ranking(DigestData data, string language, int? top = null, MonthKey? month = null)
    {
        var index = new CohortIndex(data);
        var lang = Normalize(language);
        var period = Period(index, month);
        var ranking = Rank(index, period);
        var n = Math.Min(top ?? _options.ShortlistSize, ranking.Count);
        var title = DigestTexts.RankingTitle.F(lang, index.Cohort.Name, MonthName(period.Month, lang));
        if (ranking.Count == 0) return title + "\n" + DigestTexts.NothingRanked.In(lang);
        var text = new DigestText(lang)
            .Lines(title)
            .List(DigestTexts.Shortlist.F(lang, Int(n, lang), Int(MentoredCount(index, period.AsOf), lang)),
                [.. ranking.Take(n).Select(r => RankLine(r, lang))]);
        return text.Render(Math.Max(n, _options.MaxListItems), _options.MaxTextLength);
    }

    /// <summary>The IKMs of the cohort by progress: score change since diagnosis (unevaluated last), then visits, then hours.</summary>
    public IReadOnlyList<RankedIkm> Rank(DigestData data, MonthKey? month = null)
    {
        var index = new CohortIndex(data);
        return Rank(index, Period(index, month));
    }

    /// <summary>/ekspor: the whole program so far as a workbook (sheets IKMs, Visits, Evaluations, Mentors, Audit).</summary>
    public Workbook Export(DigestData data, Questionnaire diagnosis, string language)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        var index = new CohortIndex(data);
        var lang = Normalize(language);
        var period = Period(index, null);
        var ranking = Rank(index, period);
        var whole = new UtcRange(DateTimeOffset.MinValue, data.Now.AddTicks(1));
        var mentors = Mentors(index, period with { Range = whole }, ranking);
        return DigestWorkbook.Build(index, diagnosis, lang, c => Sentra(c, lang), ranking, mentors, whole, audit: data.Audit.Where(e => e.CohortId == data.Cohort.Id).ToList());
    }

    internal readonly record struct MonthPeriod(MonthKey Month, UtcRange Range, DateTimeOffset AsOf);

    private static MonthPeriod Period(CohortIndex index, MonthKey? month)
    {
        var now = index.Data.Now;
        var m = month ?? index.Calendar.MonthOf(now);
        var range = index.Calendar.MonthBounds(m);
        var asOf = range.End <= now ? range.End.AddTicks(-1) : now;
        return new MonthPeriod(m, range, asOf);
    }

    private static int MentoredCount(CohortIndex index, DateTimeOffset asOf) =>
        index.Assignments.Where(a => a.AssignedAt <= asOf && index.BusinessById.ContainsKey(a.BusinessId)).Select(a => a.BusinessId).Distinct().Count();

    private static List<RankedIkm> Rank(CohortIndex index, MonthPeriod period)
    {
        var baselines = index.Baselines(period.AsOf);
        var latest = index.LatestScores(period.Month);
        var visitStats = new Dictionary<Guid, (int Count, double Hours, DateTimeOffset Last)>();
        foreach (var v in index.Completed)
        {
            if (v.StartedAt > period.AsOf)
                continue;
            visitStats.TryGetValue(v.BusinessId, out var s);
            visitStats[v.BusinessId] = (s.Count + 1, s.Hours + Hours(v), v.StartedAt > s.Last ? v.StartedAt : s.Last);
        }

        var progress = new List<IkmProgress>(index.Businesses.Count);
        foreach (var business in index.Businesses)
        {
            double? before = null, after = null;
            var areas = 0;
            if (latest.TryGetValue(business.Id, out var scores))
            {
                baselines.TryGetValue(business.Id, out var baseline);
                double sumBefore = 0, sumAfter = 0;
                foreach (var (areaId, area) in scores)
                {
                    double? b = baseline is not null && baseline.AreaScores.TryGetValue(areaId, out var d) ? d
                        : area.DeltaFromDiagnosis is { } delta ? area.Score - delta
                        : null;
                    if (b is null)
                        continue;
                    sumBefore += b.Value;
                    sumAfter += area.Score;
                    areas++;
                }

                if (areas > 0)
                {
                    before = sumBefore / areas;
                    after = sumAfter / areas;
                }
            }

            index.ActiveAssignment.TryGetValue(business.Id, out var assignment);
            visitStats.TryGetValue(business.Id, out var stats);
            progress.Add(new IkmProgress(
                business.Id,
                CohortIndex.NameOf(business),
                business.Commodity,
                assignment?.MentorUserId,
                assignment is null ? "" : index.MentorName(assignment.MentorUserId),
                baselines.ContainsKey(business.Id),
                before,
                after,
                after - before,
                areas,
                stats.Count,
                stats.Hours,
                stats.Count > 0 ? stats.Last : null));
        }

        return [.. progress
            .OrderBy(p => p.ScoreChange is null ? 1 : 0)
            .ThenByDescending(p => p.ScoreChange is { } c ? Math.Round(c, 6) : 0)
            .ThenByDescending(p => p.Visits)
            .ThenByDescending(p => p.Hours)
            .ThenByBusinessName(p => p.Name, p => p.BusinessId)
            .Select((p, i) => new RankedIkm(i + 1, p))];
    }

    private static List<AreaProgress> Areas(CohortIndex index, Questionnaire diagnosis, MonthPeriod period, string lang)
    {
        var baselines = index.Baselines(period.AsOf);
        var latest = index.LatestScores(period.Month);
        var pairs = new Dictionary<string, (double Before, double After, int Count)>(StringComparer.Ordinal);
        var diagnosed = new Dictionary<string, (double Sum, int Count)>(StringComparer.Ordinal);
        foreach (var (business, baseline) in baselines)
        {
            foreach (var (areaId, score) in baseline.AreaScores)
            {
                diagnosed.TryGetValue(areaId, out var d);
                diagnosed[areaId] = (d.Sum + score, d.Count + 1);
            }

            if (!latest.TryGetValue(business, out var scores))
                continue;
            foreach (var (areaId, area) in scores)
            {
                if (!baseline.AreaScores.TryGetValue(areaId, out var before))
                    continue;
                pairs.TryGetValue(areaId, out var p);
                pairs[areaId] = (p.Before + before, p.After + area.Score, p.Count + 1);
            }
        }

        var ids = diagnosis.Areas.Select(a => a.Id)
            .Concat(diagnosed.Keys.Concat(pairs.Keys).Where(id => diagnosis.FindArea(id) is null).Distinct().Order(StringComparer.Ordinal));
        return [.. ids
            .Where(id => diagnosed.ContainsKey(id) || pairs.ContainsKey(id))
            .Select(id =>
            {
                var label = diagnosis.FindArea(id)?.Label.Get(lang) ?? id;
                if (pairs.TryGetValue(id, out var p) && p.Count > 0)
                    return new AreaProgress(id, label, p.Before / p.Count, p.After / p.Count, p.Count);
                return new AreaProgress(id, label, diagnosed.TryGetValue(id, out var d) && d.Count > 0 ? d.Sum / d.Count : null, null, 0);
            })];
    }

    private static List<MentorProgress> Mentors(CohortIndex index, MonthPeriod period, IReadOnlyList<RankedIkm> ranking)
    {
        var visits = new Dictionary<long, (int Count, double Hours, int Short)>();
        foreach (var v in index.Completed)
        {
            if (!period.Range.Contains(v.StartedAt) || v.StartedAt > period.AsOf)
                continue;
            visits.TryGetValue(v.MentorUserId, out var s);
            visits[v.MentorUserId] = (s.Count + 1, s.Hours + Hours(v), s.Short + (v.Duration is not { } d || index.Rules.IsShort(d) ? 1 : 0));
        }

        var ikms = ranking.Where(r => r.Ikm.MentorUserId is not null).ToLookup(r => r.Ikm.MentorUserId!.Value, r => r.Ikm);
        var mentorIds = new HashSet<long>(visits.Keys);
        // Every mentor appears, an idle one too: the comparison is also about who did nothing.
        mentorIds.UnionWith(index.ActiveAssignment.Values.Select(a => a.MentorUserId));
        mentorIds.UnionWith(index.Data.Staff.Where(s => s.CohortId == index.Cohort.Id && s.Role == Workflow.Members.MemberRole.Mentor).Select(s => s.UserId));
        return [.. mentorIds
            .Select(id =>
            {
                visits.TryGetValue(id, out var s);
                var changes = ikms[id].Where(i => i.ScoreChange is not null).Select(i => i.ScoreChange!.Value).ToList();
                return new MentorProgress(id, index.MentorName(id), ikms[id].Count(), s.Count, s.Hours, s.Short,
                    changes.Count > 0 ? changes.Average() : null);
            })
            .OrderByDescending(m => m.AverageScoreChange ?? double.MinValue)
            .ThenByDescending(m => m.Visits)
            .ThenBy(m => m.Name, StringComparer.Ordinal)];
    }

    private static string AreaLine(AreaProgress area, string lang) =>
        area.CurrentAverage is { } now
            ? DigestTexts.AreaLine.F(lang, area.Label, Score(area.DiagnosisAverage, lang), Num(now, lang), Signed(area.Change, lang), Int(area.IkmsEvaluated, lang))
            : DigestTexts.AreaNotEvaluated.F(lang, area.Label, Score(area.DiagnosisAverage, lang));

    private string RankLine(RankedIkm r, string lang)
    {
        var p = r.Ikm;
        var mentor = p.MentorUserId is null ? DigestTexts.NoMentor.In(lang) : p.MentorName;
        return p.ScoreChange is { } change
            ? DigestTexts.RankLine.F(lang, r.Rank, p.Name, Sentra(p.Commodity, lang), Signed(change, lang), Score(p.DiagnosisAverage, lang),
                Score(p.CurrentAverage, lang), Int(p.Visits, lang), mentor)
            : DigestTexts.RankLineNoScore.F(lang, r.Rank, p.Name, Sentra(p.Commodity, lang), Int(p.Visits, lang), mentor);
    }

    private static List<string> UnreachableNames(CohortIndex index, string lang)
    {
        var owners = index.Businesses.Where(b => b.OwnerUserId != 0).GroupBy(b => b.OwnerUserId).ToDictionary(g => g.Key, g => CohortIndex.NameOf(g.First()));
        return [.. index.Data.UnreachableUserIds
            .Distinct()
            .Select(id => index.StaffNames.TryGetValue(id, out var staff) ? staff
                : owners.TryGetValue(id, out var owner) ? owner
                : DigestTexts.UnknownMember.F(lang, id.ToString(CultureInfo.InvariantCulture)))
            .Order(StringComparer.Ordinal)
            .Select(name => DigestTexts.UnreachableLine.F(lang, name))];
    }

    private static string FlagsText(Visit visit, string lang)
    {
        var parts = new List<string>(4);
        if (visit.Flags.HasFlag(VisitFlags.FarFromProductionHouse))
        {
            var meters = visit.DistanceMeters is { } d ? Int((int)Math.Round(d), lang) : "?";
            parts.Add(visit.DistanceReason is { Length: > 0 } reason
                ? DigestTexts.FlagFarReason.F(lang, meters, Shorten(reason, 60))
                : DigestTexts.FlagFar.F(lang, meters));
        }

        if (visit.Flags.HasFlag(VisitFlags.Short))
            parts.Add(DigestTexts.FlagShort.F(lang, Num(Hours(visit), lang)));
        if (visit.Flags.HasFlag(VisitFlags.Retro))
            parts.Add(visit.RetroReason is { Length: > 0 } why ? DigestTexts.FlagRetroReason.F(lang, Shorten(why, 60)) : DigestTexts.FlagRetro.In(lang));
        if (visit.Flags.HasFlag(VisitFlags.ForgottenCheckOut))
            parts.Add(DigestTexts.FlagLate.In(lang));
        return string.Join(", ", parts);
    }

    internal static double Hours(Visit v) => v.Duration is { } d && d > TimeSpan.Zero ? d.TotalHours : 0;

    internal static string Normalize(string? language) => Languages.Normalize(language);

    internal static string Int(int value, string lang) => IndonesianFormat.Number(value, lang);

    /// <summary>One decimal at most: "26,5" (id), "26.5" (en).</summary>
    internal static string Num(double value, string lang)
    {
        var rounded = Math.Round((decimal)value, 1, MidpointRounding.AwayFromZero);
        return IndonesianFormat.Number(rounded == 0 ? 0 : rounded, lang);
    }

    internal static string Score(double? value, string lang) => value is { } v ? Num(v, lang) : "-";

    internal static string Signed(double? value, string lang)
    {
        if (value is not { } v)
            return "-";
        var text = Num(v, lang);
        return text != "0" && v > 0 ? "+" + text : text;
    }

    /// <summary>
    /// Each mentor's missed-visit rate since the cohort began, up to <paramref name="lastWeek"/>: of the weeks in which
    /// an IKM was assigned to the mentor, the share without a completed visit. One pass over the visits, so it stays
    /// cheap for a year of weekly data.
    /// </summary>
    internal static Dictionary<long, double> MissedVisitRates(CohortIndex index, IsoWeek lastWeek)
    {
        var calendar = index.Calendar;
        var visited = index.Completed.Select(v => (v.BusinessId, calendar.WeekOf(v.StartedAt))).ToHashSet();
        var firstWeek = IsoWeek.Of(index.Cohort.StartDate);
        var counts = new Dictionary<long, (int Missed, int Total)>();
        foreach (var assignment in index.Assignments)
        {
            for (var week = firstWeek; week <= lastWeek; week = week.Next())
            {
                var range = calendar.WeekBounds(week);
                // Counted in a week it was assigned for the whole week's end.
                if (assignment.AssignedAt >= range.End || (assignment.EndedAt is { } ended && ended < range.End)) continue;
                var (missedWeeks, total) = counts.GetValueOrDefault(assignment.MentorUserId);
                counts[assignment.MentorUserId] = (missedWeeks + (visited.Contains((assignment.BusinessId, week)) ? 0 : 1), total + 1);
            }
        }

        return counts.Where(kv => kv.Value.Total > 0).ToDictionary(kv => kv.Key, kv => (double)kv.Value.Missed / kv.Value.Total);
    }

    internal static string Percent(double rate) => Math.Round(rate * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture);

    internal static string MonthName(MonthKey month, string lang) => IndonesianFormat.Month(month.Year, month.Month, lang);

    internal static string LocalDateTime(ProgramCalendar calendar, DateTimeOffset instant, string lang)
    {
        var local = calendar.ToLocal(instant);
        return IndonesianFormat.Date(DateOnly.FromDateTime(local.DateTime), lang) + " " + local.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    private static string Or(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;

    private static string Shorten(string value, int max) => value.Length <= max ? value : string.Concat(value.AsSpan(0, max - 1), "…");
}
