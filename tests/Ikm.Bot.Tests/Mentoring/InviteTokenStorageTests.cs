using System.Text.Json;
using Ikm.Bot.Tests.Support;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.DependencyInjection;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

namespace Ikm.Bot.Tests.Mentoring;

/// <summary>An invite's clear token exists only in the link shown once: the store keeps its SHA-256 as the record id.</summary>
public sealed class InviteTokenStorageTests
{
    [Fact]
    public async Task InviteToken_IsStoredOnlyAsItsHash_AndTheLinkStillJoins_AndListAndRevokeStillWork()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        var coordinator = await JoinAsCoordinatorAsync(emulator);
        await CreateCohortAsync(coordinator);
        var used = await InviteAsync(coordinator, "mentor", "Budi Santoso");
        var revoked = await InviteAsync(coordinator, "koordinator", "Pak Hisam");

        var documents = bot.App.Services.GetRequiredService<IDocumentStore>();
        var invites = await documents.AllAsync<Invite>(CancellationToken.None);
        Assert.Equal(new[] { Invite.IdFor(used), Invite.IdFor(revoked) }.Order(), invites.Select(i => i.Id).Order());
        Assert.All(invites, i => Assert.Matches("^[0-9a-f]{64}$", i.Id));
        Assert.All(invites, i => Assert.DoesNotContain(used, JsonSerializer.Serialize(i)));
        Assert.All(invites, i => Assert.DoesNotContain(revoked, JsonSerializer.Serialize(i)));

        var mentor = emulator.User(801);
        await mentor.SendTextAsync("/start " + used);
        Assert.Contains("sebagai pendamping, Budi Santoso", (await mentor.NextReplyAsync()).Text);

        await coordinator.SendTextAsync("/undangan");
        var list = await coordinator.NextReplyAsync();
        Assert.Contains("Pak Hisam", list.Text);
        Assert.DoesNotContain("Budi Santoso", list.Text);
        await coordinator.PressAsync("🚫 Cabut Pak Hisam");
        Assert.Contains("dicabut", (await coordinator.NextReplyAsync()).Text);
        var other = emulator.User(832);
        await other.SendTextAsync("/start " + revoked);
        Assert.Contains("sudah dicabut", (await other.NextReplyAsync()).Text);
        Assert.True((await documents.GetAsync<Invite>(Invite.IdFor(revoked), CancellationToken.None))!.Revoked);

        // At rest: once the links are delivered and the store has closed its files, no byte of the data directory holds a token.
        await DataDirectorySearch.WaitForDeliveredAsync(bot.DataDirectory);
        await bot.StopAsync();
        Assert.NotEmpty(DataDirectorySearch.Find(bot.DataDirectory, [Invite.IdFor(used)]));
        Assert.Empty(DataDirectorySearch.Find(bot.DataDirectory, [used, revoked]));
    }
}
