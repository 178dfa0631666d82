using System.Buffers.Binary;
using Ikm.Scheduler.Digests;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Mentoring.Rules;
using MiniExcelLibs;
using static Ikm.Scheduler.Tests.Digests.DigestBuilders;

namespace Ikm.Scheduler.Tests.Digests;

public sealed class DigestBuilderTests
{
    private readonly DigestBuilder _builder = new();

    [Fact]
    public void Weekly_CountsVisitsHoursAndComplianceOfTheWeek_WhenMidWeek()
    {
        var text = _builder.Weekly(Scenario(), "id").Text;

        Assert.StartsWith("📊 Ringkasan mingguan — Sentra Palu 2026\n", text);
        Assert.Contains("Minggu 23–29 Nov 2026 (WITA), sampai 26 November 2026 10:00", text);
        // Sambal Roa Ibu's only visit this week is retro (no check-in): logged and counted apart, not meeting the rule.
        Assert.Contains("🚶 Kunjungan: 7 dari 8 yang diwajibkan · 27,5 jam · 5 dari 8 IKM memenuhi aturan (≥1 kunjungan ≥4 jam)", text);
        Assert.Contains("📝 1 kunjungan susulan (tanpa check-in) dicatat terpisah: tidak dihitung memenuhi aturan.", text);
        Assert.Contains("• Budi Santoso: 3/4 IKM dikunjungi, 3 kunjungan, 11,5 jam, kepatuhan 50%", text);
        Assert.Contains("• Sari Dewi: 4/4 IKM dikunjungi, 4 kunjungan, 16 jam, kepatuhan 75% · 1 susulan", text);
        // Lowest compliance first: the coordinator reads who is behind before who is fine.
        Assert.True(text.IndexOf("Budi Santoso:", StringComparison.Ordinal) < text.IndexOf("Sari Dewi:", StringComparison.Ordinal));
    }

    [Fact]
    public void Weekly_ListsNeglectedFlaggedNewDiagnosisAndUnreachable()
    {
        var text = _builder.Weekly(Scenario(), "id").Text;

        Assert.Contains("⏳ IKM tanpa kunjungan 2 minggu atau lebih: 1\n• Bawang Goreng Palu — Budi Santoso, kunjungan terakhir 23 hari yang lalu", text);
        Assert.Contains("🚩 Kunjungan bertanda: 3\n1 jauh dari rumah produksi, 1 terlalu singkat, 1 dicatat belakangan, 0 terlambat check-out", text);
        Assert.Contains("• Madu Hutan Sigi — Sari Dewi, 23 November 2026 13:00: jauh 1.250 m (jalan ditutup banjir)", text);
        Assert.Contains("• Sambal Roa Ibu — Sari Dewi, 24 November 2026 08:00: dicatat belakangan", text);
        Assert.Contains("• Kopi Lore — Budi Santoso, 25 November 2026 08:00: singkat 2 jam", text);
        Assert.Contains("🆕 Pendaftaran baru: 1\n• Kopi Kamang (kopi, Palu Barat)", text);
        Assert.Contains("🩺 Diagnosis selesai: 7 dari 8 IKM (88%)", text);
        Assert.Contains("📵 Anggota tidak bisa dihubungi (memblokir bot): 2\n• Tenun Donggala\n• pengguna 999", text);
    }

    [Fact]
    public void Weekly_MeasuresTheGivenPastWeek_WhenAWeekIsPassed()
    {
        var text = _builder.Weekly(Scenario(), "id", IsoWeek.Parse("2026-W47")).Text;

        Assert.Contains("Minggu 16–22 Nov 2026 (WITA)\n", text);
        Assert.DoesNotContain("sampai", text);
        Assert.Contains("🚶 Kunjungan: 4 dari 8 yang diwajibkan · 16 jam · 4 dari 8 IKM memenuhi aturan", text);
        Assert.Contains("• Budi Santoso: 3/4 IKM dikunjungi, 3 kunjungan, 12 jam, kepatuhan 75%", text);
        Assert.Contains("• Sari Dewi: 1/4 IKM dikunjungi, 1 kunjungan, 4 jam, kepatuhan 25%", text);
        Assert.Contains("🚩 Kunjungan bertanda: 0", text);
    }

    [Fact]
    public void Weekly_IsInEnglish_WhenLanguageIsEn()
    {
        var text = _builder.Weekly(Scenario(), "en").Text;

        Assert.StartsWith("📊 Weekly digest — Sentra Palu 2026\n", text);
        Assert.Contains("🚶 Visits: 7 of 8 required · 27.5 hours · 5 of 8 IKMs met the rule", text);
        Assert.Contains("📝 1 retro visit(s) (no check-in) counted apart: they do not meet the rule.", text);
        Assert.Contains("• Budi Santoso: 3/4 IKMs visited, 3 visits, 11.5 hours, compliance 50%", text);
        Assert.Contains("• Bawang Goreng Palu — Budi Santoso, last visit 23 days ago", text);
        Assert.Contains("far 1,250 m (jalan ditutup banjir)", text);
        Assert.Contains("🩺 Diagnosis completed: 7 of 8 IKMs (88%)", text);
        Assert.Contains("• user 999", text);
    }

    [Fact]
    public void Weekly_SaysNeverVisited_WhenAnAssignedIkmHasNoVisit()
    {
        var data = Scenario();
        data = data with { Visits = [.. data.Visits.Where(v => v.BusinessId != IkmId(4))] };

        var text = _builder.Weekly(data, "id").Text;

        Assert.Contains("• Bawang Goreng Palu — Budi Santoso, belum pernah dikunjungi (ditugaskan sebulan yang lalu)", text);
    }

    [Fact]
    public void Monthly_ShowsAreaChangeMentorComparisonAndShortlist()
    {
        var digest = _builder.Monthly(Scenario(), DiagnosisQuestionnaire, "id");
        var text = digest.Text;

        Assert.StartsWith("📈 Ringkasan bulanan — Sentra Palu 2026 · November 2026\nIKM: 8 terdaftar · 8 didampingi · 4 sudah dievaluasi\n", text);
        Assert.Contains("• Manajemen produksi: 2,5 → 3,5 (+1; 4 IKM)", text);
        Assert.Contains("• Pemasaran digital: 1,7 → 2,7 (+1; 3 IKM)", text);
        Assert.DoesNotContain("Manajemen mutu", text);
        Assert.Contains("👥 Perbandingan pendamping (November 2026):\n• Budi Santoso: 4 IKM, 10 kunjungan, 39,5 jam, perubahan skor rata-rata +1,3\n• Sari Dewi: 4 IKM, 7 kunjungan, 28 jam, perubahan skor rata-rata +0,5", text);
        Assert.Contains("🏆 Daftar pendek: 8 teratas dari 8 IKM yang didampingi", text);
        Assert.Contains("1. Abon Ikan Bu Ani (abon ikan) — +1,5 (skor 2 → 3,5), 4 kunjungan, Budi Santoso\n2. Kripik Pisang Mama (kripik) — +1 (skor 2,5 → 3,5), 5 kunjungan, Sari Dewi\n3. Tenun Donggala (tenun ikat) — +1 (skor 1,5 → 2,5), 3 kunjungan, Budi Santoso\n4. Sambal Roa Ibu (sambal) — 0 (skor 3 → 3), 1 kunjungan, Sari Dewi\n5. Kopi Lore (kopi) — belum dievaluasi, 2 kunjungan, Budi Santoso", text);
    }

    [Fact]
    public void Monthly_CutsTheShortlistAtTheConfiguredSize_AndListsTheRestAfter()
    {
        var text = new DigestBuilder(new DigestOptions { ShortlistSize = 3 }).Monthly(Scenario(), DiagnosisQuestionnaire, "en").Text;

        Assert.Contains("🏆 Shortlist: top 3 of 8 mentored IKMs (by score change, then visits):\n1. Abon Ikan Bu Ani (abon ikan) — +1.5 (score 2 → 3.5), 4 visits, Budi Santoso\n2. Kripik Pisang Mama", text);
        Assert.Contains("📋 Score change per IKM since diagnosis (the rest):\n4. Sambal Roa Ibu (sambal) — 0 (score 3 → 3), 1 visits, Sari Dewi", text);
    }

    [Fact]
    public void Monthly_ChartIsAPngOf800By450()
    {
        var png = _builder.Monthly(Scenario(), DiagnosisQuestionnaire, "id").ChartPng;

        Assert.NotNull(png);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IHDR"u8.ToArray(), png[12..16]);
        Assert.Equal(800, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(450, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        Assert.InRange(png.Length, 5 * 1024, 2 * 1024 * 1024);
    }

    [Fact]
    public void Monthly_HasNoChart_WhenNoIkmHasAScore()
    {
        var data = Scenario() with { Diagnoses = [], Evaluations = [] };

        var digest = _builder.Monthly(data, DiagnosisQuestionnaire, "id");

        Assert.Null(digest.ChartPng);
        Assert.NotNull(digest.Workbook);
    }

    [Fact]
    public void Monthly_WorkbookInBahasa_HoldsTheMonthsRows_WithNumbersAndDatesAsCells()
    {
        var xlsx = _builder.Monthly(Scenario(), DiagnosisQuestionnaire, "id").Workbook!.ToBytes();
        using var stream = new MemoryStream(xlsx);

        Assert.Equal(["IKM", "Kunjungan", "Evaluasi", "Pendamping"], stream.GetSheetNames());
        var ikms = Rows(stream, "IKM");
        Assert.Equal(8, ikms.Count);
        Assert.Equal("Abon Ikan Bu Ani", ikms[0]["IKM"]);
        // Turnover is a number cell (it can be summed), shown with thousands grouping by the cell format.
        Assert.Equal(1_500_000d, Assert.IsType<double>(ikms[0]["Omzet per bulan (Rp)"]));
        Assert.Equal(2_750_000d, ikms.Single(r => (string)r["IKM"]! == "Tenun Donggala")["Omzet per bulan (Rp)"]);
        Assert.Equal(1.5, Assert.IsType<double>(ikms[0]["Perubahan skor"]));
        Assert.IsType<DateTime>(ikms[0]["Terdaftar"]);
        Assert.Equal("Budi Santoso", ikms[0]["Pendamping"]);

        // November only: Sari's October visit is not in the month's sheet.
        var visits = Rows(stream, "Kunjungan");
        Assert.Equal(17, visits.Count);
        Assert.Equal(new DateTime(2026, 11, 2), Assert.IsType<DateTime>(visits[0]["Tanggal"]));
        Assert.IsType<double>(visits[0]["Jam"]);
        Assert.All(visits, v => Assert.Equal("Selesai", v["Status"]));
        Assert.Contains(visits, v => (string?)v["Alasan jarak"] == "jalan ditutup banjir" && Assert.IsType<double>(v["Jarak (m)"]) == 1250);
        Assert.Contains(visits, v => (string?)v["Tanda"] == "Jauh");
        Assert.All(visits, v => Assert.Equal("Pembukuan dan keuangan (siap bank)", v["Bidang"]));

        var evaluations = Rows(stream, "Evaluasi");
        Assert.Equal(7, evaluations.Count);
        Assert.Contains(evaluations, e => (string?)e["IKM"] == "Tenun Donggala" && (string?)e["Bidang"] == "Pemasaran digital"
            && Assert.IsType<double>(e["Skor"]) == 2
            && Assert.IsType<double>(e["Skor diagnosis"]) == 1);
        Assert.All(evaluations, e => Assert.IsType<DateTime>(e["Selesai diisi"]));

        var mentors = Rows(stream, "Pendamping");
        Assert.Equal(2, mentors.Count);
        Assert.Equal("Budi Santoso", mentors[0]["Pendamping"]);
        Assert.Equal(10d, Assert.IsType<double>(mentors[0]["Kunjungan"]));
        Assert.Equal(39.5, Assert.IsType<double>(mentors[0]["Jam"]));
    }

    [Fact]
    public void Export_HoldsTheWholeProgram_InEnglish()
    {
        var xlsx = _builder.Export(Scenario(), DiagnosisQuestionnaire, "en").ToBytes();
        using var stream = new MemoryStream(xlsx);

        Assert.Equal(["IKMs", "Visits", "Evaluations", "Mentors", "Audit"], stream.GetSheetNames());
        Assert.Equal(8, Rows(stream, "IKMs").Count);
        var visits = Rows(stream, "Visits");
        Assert.Equal(18, visits.Count);
        Assert.Equal(new DateTime(2026, 10, 26), visits[0]["Date"]);
        Assert.All(visits, v => Assert.Equal("Completed", v["Status"]));
        Assert.Contains(visits, v => (string?)v["Flags"] == "Far");
        Assert.Equal(7, Rows(stream, "Evaluations").Count);
        var mentors = Rows(stream, "Mentors");
        Assert.Equal(10d, mentors.Single(m => (string?)m["Mentor"] == "Budi Santoso")["Visits"]);
        Assert.Equal(8d, mentors.Single(m => (string?)m["Mentor"] == "Sari Dewi")["Visits"]);
        Assert.Equal(1_500_000d, Rows(stream, "IKMs")[0]["Monthly turnover (Rp)"]);
    }

    [Fact]
    public void Export_AsCsv_HasTheSheetsHeaders_InvariantNumbersAndIsoDates()
    {
        var workbook = _builder.Export(Scenario(), DiagnosisQuestionnaire, "id");
        string Csv(string sheet)
        {
            using var stream = new MemoryStream();
            workbook.WriteCsvTo(stream, sheet);
            var bytes = stream.ToArray();
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]); // Excel reads the letters right with the BOM
            return System.Text.Encoding.UTF8.GetString(bytes[3..]);
        }

        var ikms = Csv("IKM").Split("\r\n");
        Assert.StartsWith("Peringkat,IKM,Pemilik,Komoditas,Kecamatan,Kelurahan,Pendamping,Tenaga kerja,Omzet per bulan (Rp)", ikms[0]);
        Assert.Equal(10, ikms.Length); // header, 8 IKMs, the empty end of the last line
        Assert.Contains(",Abon Ikan Bu Ani,", ikms[1]);
        Assert.Contains(",1500000,", ikms[1]);
        var visits = Csv("Kunjungan").Split("\r\n");
        Assert.StartsWith("2026-10-26,", visits[1]);
        Assert.Contains(",Pembukuan dan keuangan (siap bank),", visits[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Workbook_NamesRetroShortAndForgottenVisits_InTheReadersLanguage()
    {
        var flags = VisitFlags.Short | VisitFlags.Retro | VisitFlags.ForgottenCheckOut;

        Assert.Equal("Singkat, Susulan, Lupa check-out", WorkbookTexts.Flags(flags, "id"));
        Assert.Equal("Short, Retro, Forgotten check-out", WorkbookTexts.Flags(flags, "en"));
        Assert.Equal("Selesai", WorkbookTexts.Status(VisitStatus.Completed, "id"));
        Assert.Equal("Sedang berkunjung", WorkbookTexts.Status(VisitStatus.CheckedIn, "id"));
    }

    [Fact]
    public void Rank_OrdersByScoreChangeThenVisits_UnevaluatedLast()
    {
        var ranking = _builder.Rank(Scenario());

        Assert.Equal([1, 5, 2, 6, 3, 4, 8, 7], ranking.Select(r => (int)r.Ikm.BusinessId.ToByteArray()[0]).ToArray());
        Assert.Equal(Enumerable.Range(1, 8), ranking.Select(r => r.Rank));
        Assert.Equal(1.5, ranking[0].Ikm.ScoreChange!.Value, 6);
        Assert.Equal(5, ranking[1].Ikm.Visits);
        Assert.Null(ranking[4].Ikm.ScoreChange);
    }

    /// <summary>Equal figures are ordered as every IKM list is (IkmOrder): by name, case aside — "abon…" before "Bawang…".</summary>
    [Fact]
    public void Rank_AndTheEvaluationSheet_BreakTiesByNameAsEveryIkmListDoes()
    {
        var data = new DigestData
        {
            Cohort = Cohort(),
            Businesses = [Business(1, "Bawang Goreng Palu", "bawang goreng"), Business(2, "abon ikan Mama Ani", "abon ikan")],
            Memberships = [Member(1), Member(2)],
            Assignments = [Assign(1, Budi), Assign(2, Budi)],
            Staff = [Mentor(Budi, "Budi Santoso")],
            Visits = [],
            Diagnoses = [Diagnosis(1, ("production", 2)), Diagnosis(2, ("production", 2))],
            Evaluations = [Evaluation(1, Budi, "2026-11", ("production", 3)), Evaluation(2, Budi, "2026-11", ("production", 3))],
            UnreachableUserIds = [],
            NewRegistrations = [],
            Now = Local(11, 26, 10),
        };

        var ranking = _builder.Rank(data);
        using var stream = new MemoryStream(_builder.Monthly(data, DiagnosisQuestionnaire, "id").Workbook!.ToBytes());

        Assert.Equal(["abon ikan Mama Ani", "Bawang Goreng Palu"], ranking.Select(r => r.Ikm.Name));
        Assert.Equal(["abon ikan Mama Ani", "Bawang Goreng Palu"], Rows(stream, "Evaluasi").Select(r => (string)r["IKM"]!));
    }

    [Fact]
    public void Ranking_ShowsTheTopN()
    {
        var text = _builder.Ranking(Scenario(), "id", top: 2);

        Assert.StartsWith("Peringkat IKM — Sentra Palu 2026 · November 2026\n", text);
        Assert.Contains("🏆 Daftar pendek: 2 teratas dari 8 IKM yang didampingi", text);
        Assert.Contains("2. Kripik Pisang Mama (kripik) — +1 (skor 2,5 → 3,5), 5 kunjungan, Sari Dewi", text);
        Assert.DoesNotContain("3. ", text);
    }

    [Fact]
    public void Digests_StayWithinTelegramsLimit_WhenTheCohortIsLarge()
    {
        var data = Large(ikms: 600, mentors: 120);

        var weekly = _builder.Weekly(data, "id").Text;
        var monthly = _builder.Monthly(data, DiagnosisQuestionnaire, "id").Text;
        var ranking = _builder.Ranking(data, "id", top: 600);

        Assert.InRange(weekly.Length, 1000, DigestOptions.TelegramMaxText);
        Assert.InRange(monthly.Length, 1000, DigestOptions.TelegramMaxText);
        Assert.InRange(ranking.Length, 1000, DigestOptions.TelegramMaxText);
        Assert.Matches(@"…dan \d+ lainnya", weekly);
        Assert.Matches(@"…dan \d+ lainnya", monthly);
        Assert.Matches(@"…dan \d+ lainnya", ranking);
        // The totals are never cut, only the lists.
        Assert.Contains("🚶 Kunjungan: 300 dari 600 yang diwajibkan", weekly);
        Assert.Contains("⏳ IKM tanpa kunjungan 2 minggu atau lebih: 300", weekly);
        Assert.Contains("📵 Anggota tidak bisa dihubungi (memblokir bot): 600", weekly);
    }

    [Fact]
    public void Weekly_IgnoresOtherCohortsVisits()
    {
        var data = Scenario();
        var foreign = Visit(1, Budi, Local(11, 24, 13), 6);
        foreign.CohortId = "other";
        foreign.Id = "foreign";

        var text = _builder.Weekly(data with { Visits = [.. data.Visits, foreign] }, "id").Text;

        Assert.Contains("🚶 Kunjungan: 7 dari 8 yang diwajibkan · 27,5 jam", text);
    }

    private static List<IDictionary<string, object?>> Rows(MemoryStream stream, string sheet)
    {
        stream.Position = 0;
        return [.. stream.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>()];
    }

    /// <summary>Half the IKMs visited this week, the other half not for a month; every owner unreachable.</summary>
    private static DigestData Large(int ikms, int mentors)
    {
        var businesses = Enumerable.Range(1, ikms).Select(i => Business(i, $"IKM Sentra Tenun Nomor {i}", "tenun ikat")).ToList();
        var staff = Enumerable.Range(0, mentors).Select(m => Mentor(500 + m, $"Pendamping Lapangan {m}")).ToList();
        var assignments = Enumerable.Range(1, ikms).Select(i => Assign(i, 500 + (i % mentors))).ToList();
        var visits = Enumerable.Range(1, ikms).Select(i => i % 2 == 0
            ? Visit(i, 500 + (i % mentors), Local(11, 24, 8), 4, VisitFlags.Retro)
            : Visit(i, 500 + (i % mentors), Local(10, 20, 8), 4)).ToList();
        var diagnoses = Enumerable.Range(1, ikms).Select(i => Diagnosis(i, ("production", 2), ("marketing", 2))).ToList();
        var evaluations = Enumerable.Range(1, ikms).Select(i => Evaluation(i, 500 + (i % mentors), "2026-11", ("production", 2 + (i % 3)), ("marketing", 3))).ToList();
        return new DigestData
        {
            Cohort = Cohort(),
            Businesses = businesses,
            Staff = staff,
            Assignments = assignments,
            Visits = visits,
            Diagnoses = diagnoses,
            Evaluations = evaluations,
            UnreachableUserIds = [.. Enumerable.Range(1, ikms).Select(i => 1000L + i)],
            NewRegistrations = businesses,
            Now = Local(11, 26, 10),
        };
    }
}
