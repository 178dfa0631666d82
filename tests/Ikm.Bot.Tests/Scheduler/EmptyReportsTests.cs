using Ikm.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

namespace Ikm.Bot.Tests.Scheduler;

/// <summary>Issue 12: a report with nothing to list says so instead of printing bare headings.</summary>
public sealed class EmptyReportsTests
{
    [Fact]
    public async Task Reports_OfACohortWithNothingToList_SaySo()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero));
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));
        var coordinator = await JoinAsCoordinatorAsync(emulator);
        await CreateCohortAsync(coordinator);

        await coordinator.SendTextAsync("/terlambat");
        await coordinator.ExpectPreparingAsync();
        var late = (await coordinator.NextReportAsync()).Text!;
        Assert.Contains("Tidak ada yang terlambat ✅", late);
        Assert.DoesNotContain("Belum dikunjungi minggu ini:", late);

        await coordinator.SendTextAsync("/peringkat");
        await coordinator.ExpectPreparingAsync();
        Assert.Contains("Belum ada IKM yang didampingi", (await coordinator.NextReportAsync()).Text);

        await coordinator.SendTextAsync("/ringkasan");
        await coordinator.ExpectPreparingAsync();
        var weekly = (await coordinator.NextReportAsync()).Text!;
        Assert.Contains("👥 Kepatuhan per pendamping:\n• belum ada", weekly);
        Assert.DoesNotMatch(@":\n(\n|$)", weekly);
    }

    [Fact]
    public async Task LateReport_ListsOnlyTheSectionsWithSomethingLate()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero));
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));
        var (coordinator, _) = await AssignedProgramAsync(emulator, 4501, "Budi", 4502);

        await coordinator.SendTextAsync("/terlambat");
        await coordinator.ExpectPreparingAsync();
        var late = (await coordinator.NextReportAsync()).Text!;
        Assert.Contains("Belum dikunjungi minggu ini:\n• Abon Ikan Mama Ani — Budi", late);
        Assert.DoesNotContain("Tanpa kunjungan", late);
        Assert.DoesNotContain("Tidak ada yang terlambat", late);
    }
}
