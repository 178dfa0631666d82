using Ikm.Bot.Tests.Support;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Ikm.Bot.Tests.Mentoring;

/// <summary>
/// Chats of one batch run in parallel on one snapshot (DESIGN §3): two of them changing one document must conflict,
/// and the later one is redone on fresh reads — never both applied, never silently merged.
/// </summary>
public sealed class BatchRaceTests
{
    private const string CohortId = "cohort-race";

    private static IncomingMessage Command(long updateId, long userId, string text) => new()
    {
        UpdateId = updateId,
        ChatId = userId,
        UserId = userId,
        Kind = IncomingKind.Command,
        Text = text,
        LanguageCode = "id",
    };

    private static IncomingMessage Press(long updateId, long userId, string data) => new()
    {
        UpdateId = updateId,
        ChatId = userId,
        UserId = userId,
        Kind = IncomingKind.Button,
        ButtonData = data,
        LanguageCode = "id",
    };

    private static Task SeedAsync(IBotStore store, params IDocument[] documents) =>
        store.CommitAsync([new ChangeSet { Documents = [.. documents.Select(d => new DocumentChange(d))] }], CancellationToken.None);

    private static Cohort Cohort(int maxIkmsPerMentor = 5) => new()
    {
        Id = CohortId,
        Name = "Kohort Balapan",
        TimeZoneId = "Asia/Makassar",
        StartDate = new DateOnly(2026, 12, 1),
        Rules = new CohortRules { MaxIkmsPerMentor = maxIkmsPerMentor },
    };

    [Fact]
    public async Task Invite_RedeemedByTwoUsersInOneBatch_JoinsExactlyOne_AndTellsTheOtherItIsUsed()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator);
        await SeedAsync(bot.Store, Cohort(), new Invite
        {
            Id = Invite.IdFor("race-token-0123456789abcdef"),
            CohortId = CohortId,
            Role = MemberRole.Coordinator,
            CreatedBy = 700,
            CreatedAt = DateTimeOffset.UtcNow,
            ExpiresAt = DateTimeOffset.UtcNow.AddDays(7),
            Label = "Koordinator Baru",
        });
        var intake = bot.App.Services.GetRequiredService<UpdateIntake>();

        var outcome = await intake.SubmitAsync(
            [Command(96_001, 601, "/start race-token-0123456789abcdef"), Command(96_002, 602, "/start race-token-0123456789abcdef")],
            CancellationToken.None);

        Assert.Equal(new BatchOutcome(2, 0, 0), outcome);
        var replies = new[] { (await emulator.WaitForMessageAsync(601)).Text!, (await emulator.WaitForMessageAsync(602)).Text! };
        Assert.Single(replies, r => r.Contains("sudah dipakai"));
        var members = await bot.Store.GetMembersAsync([601, 602], CancellationToken.None);
        var joined = Assert.Single(members.Values, m => m.Role == MemberRole.Coordinator);
        var documents = bot.App.Services.GetRequiredService<IDocumentStore>();
        var invite = (await documents.GetAsync<Invite>(Invite.IdFor("race-token-0123456789abcdef"), CancellationToken.None))!;
        Assert.Equal((joined.UserId, 2L), (invite.UsedBy, invite.Version));
        Assert.Equal(joined.UserId, Assert.Single(await documents.FindAsync<CohortStaff>("cohort", CohortId, CancellationToken.None)).UserId);
        Assert.DoesNotContain("sudah dipakai", replies[joined.UserId == 601 ? 0 : 1]);
    }

    [Fact]
    public async Task Assignments_RacingForAMentorsLastSlotInOneBatch_RefuseOne()
    {
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, settings: new Dictionary<string, string?> { ["Bot:Coordinators"] = "700,701" });
        var now = DateTimeOffset.UtcNow;
        await SeedAsync(bot.Store,
            Cohort(maxIkmsPerMentor: 1),
            new CohortStaff { Id = CohortStaff.IdFor(CohortId, 801), CohortId = CohortId, UserId = 801, Role = MemberRole.Mentor, DisplayName = "Budi Santoso", JoinedAt = now },
            new CohortMembership { Id = "m-1", CohortId = CohortId, BusinessId = Guid.NewGuid(), OwnerUserId = 901, Status = MembershipStatus.Approved, RequestedAt = now },
            new CohortMembership { Id = "m-2", CohortId = CohortId, BusinessId = Guid.NewGuid(), OwnerUserId = 902, Status = MembershipStatus.Approved, RequestedAt = now });
        var intake = bot.App.Services.GetRequiredService<UpdateIntake>();

        var outcome = await intake.SubmitAsync([Press(97_001, 700, "as:m:m-1:801"), Press(97_002, 701, "as:m:m-2:801")], CancellationToken.None);

        Assert.Equal(new BatchOutcome(2, 0, 0), outcome);
        var documents = bot.App.Services.GetRequiredService<IDocumentStore>();
        var assignment = Assert.Single(await documents.AllAsync<Assignment>(CancellationToken.None));
        Assert.Equal(801, assignment.MentorUserId);
        var refused = assignment.AssignedBy == 700 ? 701 : 700;
        Assert.Contains("batas kohort ini 1 IKM", (await emulator.WaitForMessageAsync(refused)).Text);
        Assert.DoesNotContain("batas kohort", (await emulator.WaitForMessageAsync(assignment.AssignedBy)).Text);
    }
}
