using Ikm.Bot.Tests.Support;
using Ikm.Scheduler.Jobs;
using Ikm.Storage;
using Ikm.Workflow.Audit;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Ikm.Bot.Tests.Owner;

/// <summary>
/// /hapusdata erases: after it, no file of the data directory holds the owner's name, phone or business name — also the
/// copies the local chat keeps of the files it delivered.
/// </summary>
public sealed class ErasureEndToEndTests
{
    [Fact]
    public async Task DeleteMyData_LeavesNoNamePhoneOrBusinessName_InAnyFileOfTheDataDirectory()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero)); // Monday 08:00 WITA
        await using var emulator = await Emulator.StartFastAsync();
        var localChat = new StringWriter();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s =>
        {
            s.AddSingleton<TimeProvider>(time);
            LocalChatAlongside.Register(s, localChat);
        });
        var scenario = await VisitedOwnerScenario.RunAsync(emulator, bot, time, mentorId: 883, ownerId: 983);
        var owner = scenario.Owner;

        await owner.SendTextAsync("/datasaya");
        await owner.ExpectPreparingAsync();
        Assert.EndsWith(".json", (await owner.NextReplyAsync()).FileName);
        Assert.EndsWith(".xlsx", (await owner.NextReplyAsync()).FileName);
        await scenario.Coordinator.SendTextAsync("/ekspor");
        await scenario.Coordinator.ExpectPreparingAsync();
        await scenario.Coordinator.NextReplyAsync();
        Assert.EndsWith(".xlsx", (await scenario.Coordinator.NextReplyAsync()).FileName);
        await DataDirectorySearch.WaitForDeliveredAsync(bot.DataDirectory);
        // The search finds what is there: before the erasure, the identity is all over the directory, the local chat's
        // copies of /datasaya (the owner's chat) and of /ekspor (the coordinator's) included.
        var hits = DataDirectorySearch.Find(bot.DataDirectory, VisitedOwnerScenario.Identity);
        Assert.NotEmpty(hits);
        var copies = Path.Combine(bot.DataDirectory, LocalChatFiles.FolderName);
        bool CopyOf(DataDirectorySearch.Hit hit, long chatId) => hit.File.StartsWith(LocalChatFiles.FolderName, StringComparison.Ordinal)
            && hit.File.Contains($"{Path.DirectorySeparatorChar}pengguna-{chatId}{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
        Assert.Contains(hits, h => CopyOf(h, owner.Id) && h.File.EndsWith(".json", StringComparison.Ordinal));
        Assert.Contains(hits, h => CopyOf(h, owner.Id) && h.File.Contains(".xlsx", StringComparison.Ordinal));
        Assert.Contains(hits, h => CopyOf(h, scenario.Coordinator.Id) && h.File.Contains(".xlsx", StringComparison.Ordinal));
        Assert.Contains("📁 disimpan di " + copies, localChat.ToString());

        await owner.SendTextAsync("/hapusdata");
        await owner.NextReplyAsync();
        await owner.PressAsync("🗑 Ya, hapus data saya");
        Assert.Contains("sudah dihapus", (await owner.NextReplyAsync()).Text);
        await bot.App.Services.GetRequiredService<PhotoCopyJob>().RunAsync(CancellationToken.None);
        await DataDirectorySearch.WaitForDeliveredAsync(bot.DataDirectory);

        Assert.Empty(DataDirectorySearch.Find(bot.DataDirectory, VisitedOwnerScenario.Identity));
        Assert.False(Directory.Exists(Path.Combine(bot.DataDirectory, "photos", scenario.Visit.Id)));
        Assert.DoesNotContain(Directory.GetFiles(copies, "*", SearchOption.AllDirectories), f => f.Contains($"pengguna-{owner.Id}", StringComparison.Ordinal));

        // The mentor and the coordinator are told, without the name; the assignment has ended; the hours stay.
        var mentorNotice = await emulator.WaitForMessageAsync(scenario.Mentor.Id, m => m.Text?.Contains("keluar dari program") == true);
        var coordinatorNotice = await emulator.WaitForMessageAsync(scenario.Coordinator.Id, m => m.Text?.Contains("keluar dari program") == true);
        Assert.DoesNotContain(VisitedOwnerScenario.BusinessName, mentorNotice.Text);
        Assert.DoesNotContain(VisitedOwnerScenario.BusinessName, coordinatorNotice.Text);
        var documents = bot.App.Services.GetRequiredService<IDocumentStore>();
        Assert.All(await documents.AllAsync<Assignment>(CancellationToken.None), a => Assert.False(a.IsActive));
        var visit = Assert.Single(await documents.AllAsync<Visit>(CancellationToken.None));
        Assert.Equal(TimeSpan.FromHours(4), visit.Duration);
        Assert.Equal(scenario.Visit.BusinessId, visit.BusinessId);
        Assert.Null(visit.Problem);
        Assert.Empty(visit.Photos);
        Assert.Null(visit.CheckInLocation);
        var membership = Assert.Single(await documents.AllAsync<CohortMembership>(CancellationToken.None));
        Assert.Equal(0, membership.OwnerUserId);
        Assert.Equal(MembershipStatus.Left, membership.Status);
        var audit = Assert.Single(await documents.AllAsync<AuditEntry>(CancellationToken.None), a => a.Action == AuditAction.Erased);
        Assert.Equal(membership.CohortId, audit.CohortId);
        Assert.Equal(0, audit.ActorUserId);
        Assert.Equal([$"business:{visit.BusinessId}", $"membership:{membership.Id}"], audit.Targets);

        // Stopped, the store closes its files: still nothing.
        await bot.StopAsync();
        Assert.Empty(DataDirectorySearch.Find(bot.DataDirectory, VisitedOwnerScenario.Identity));
    }
}
