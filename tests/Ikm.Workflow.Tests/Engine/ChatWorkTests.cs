using Ikm.Workflow.Businesses;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Members;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;
using Ikm.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Ikm.Workflow.Tests.Engine;

public sealed class ChatWorkTests
{
    private const string CohortId = "cohort-reads";
    private const long Coordinator = 700, Mentor = 801;
    private readonly InMemoryStore _store = new();
    private readonly CountingDocumentStore _reads;
    private readonly UpdatePipeline _pipeline;
    private long _updateId;

    public ChatWorkTests()
    {
        _reads = new CountingDocumentStore(_store);
        _pipeline = WorkflowServices.Over(_store).AddSingleton<IDocumentStore>(_reads).BuildServiceProvider().GetRequiredService<UpdatePipeline>();
    }

    private static Business Ikm(int n, string name) => new()
    {
        Id = new Guid(n, 0, 0, new byte[8]), OwnerUserId = 900 + n, BusinessName = name, Commodity = "abon ikan", Kecamatan = "Palu Barat",
    };

    /// <summary>A cohort with a coordinator, a mentor with three IKMs, and a fourth IKM not yet assigned.</summary>
    private async Task<List<Business>> SeedProgramAsync()
    {
        var at = WorkflowServices.Now.AddDays(-10);
        List<Business> ikms = [Ikm(1, "Abon Tuna"), Ikm(2, "Bawang Goreng Nunu"), Ikm(3, "Kelor Sehat"), Ikm(4, "Dodol Nangka")];
        List<IDocument> documents =
        [
            new Cohort { Id = CohortId, Name = "Kohort Baca", StartDate = new DateOnly(2026, 11, 2), CreatedAt = at },
            new CohortStaff { Id = CohortStaff.IdFor(CohortId, Coordinator), CohortId = CohortId, UserId = Coordinator, Role = MemberRole.Coordinator, DisplayName = "Rina", JoinedAt = at },
            new CohortStaff { Id = CohortStaff.IdFor(CohortId, Mentor), CohortId = CohortId, UserId = Mentor, Role = MemberRole.Mentor, DisplayName = "Budi", JoinedAt = at },
            .. ikms,
            .. ikms.Select(b => new CohortMembership
            {
                Id = $"m-{b.OwnerUserId}", CohortId = CohortId, BusinessId = b.Id, OwnerUserId = b.OwnerUserId, Status = MembershipStatus.Approved, RequestedAt = at,
            }),
            .. ikms.Take(3).Select(b => new Assignment
            {
                Id = $"a-{b.OwnerUserId}", CohortId = CohortId, BusinessId = b.Id, MentorUserId = Mentor, AssignedBy = Coordinator, AssignedAt = at,
            }),
        ];
        await _store.CommitAsync([new ChangeSet
        {
            Documents = [.. documents.Select(d => new DocumentChange(d))],
            Members =
            [
                new Member { UserId = Coordinator, ChatId = Coordinator, Role = MemberRole.Coordinator },
                new Member { UserId = Mentor, ChatId = Mentor, Role = MemberRole.Mentor },
            ],
        }], CancellationToken.None);
        return ikms;
    }

    private IncomingMessage Command(long user, string text) =>
        new() { UpdateId = ++_updateId, ChatId = user, UserId = user, Kind = IncomingKind.Command, Text = text };

    private IncomingMessage Press(long user, string data) =>
        new() { UpdateId = ++_updateId, ChatId = user, UserId = user, Kind = IncomingKind.Button, ButtonData = data };

    private async Task<IReadOnlyList<string>> ReadsOfAsync(params IncomingMessage[] batch)
    {
        _reads.Reset();
        Assert.Equal(new BatchOutcome(batch.Length, 0, 0), await _pipeline.ProcessAsync(batch, CancellationToken.None));
        return _reads.Reads;
    }

    [Fact]
    public async Task AMentorsBatch_ReadsEachDocumentOnce_WhenTwoTurnsListTheIkms()
    {
        await SeedProgramAsync();

        var reads = await ReadsOfAsync(Command(Mentor, "/ikmsaya"), Command(Mentor, "/checkin"));

        // 11 reads before the batch's cache: the assignments 3×, the visits 3×, the cohort 3× (once per IKM), the businesses 2×.
        Assert.Equal(4, reads.Count);
        Assert.Equal(["find assignments mentor=801", "find visits mentor=801", "all businesses", "get cohorts/cohort-reads"], reads);
        Assert.Contains(_store.Outbox, e => e.Message.Text.Contains("Kelor Sehat (abon ikan, Palu Barat)"));
    }

    [Fact]
    public async Task ACoordinatorsBatch_ReadsEachDocumentOnce_WhenAssigningAndAskingForTheSummary()
    {
        await SeedProgramAsync();

        var reads = await ReadsOfAsync(
            Command(Coordinator, "/tugaskan"), Press(Coordinator, "as:i:m-904"), Press(Coordinator, $"as:m:m-904:{Mentor}"), Command(Coordinator, "/ringkasan"));

        // 25 reads before the batch's cache: the businesses 4×, the mentor's staff record 4×, the cohort's assignments 3×…
        // The cohort, the coordinator's staff record and the membership chosen are in what the list's first reads returned.
        Assert.Equal(8, reads.Count);
        Assert.Equal(
        [
            "all cohorts", "find staff user=700", "find memberships cohort=cohort-reads", "all businesses", "find assignments cohort=cohort-reads",
            "get staff/cohort-reads:801", "find staff cohort=cohort-reads", "get mentor_contacts/801",
        ], reads);
        Assert.Contains(_store.Outbox, e => e.Message.Text == "✅ Dodol Nangka sekarang didampingi Budi.");
        Assert.Equal(4, (await _store.FindAsync<Assignment>("mentor", "801", CancellationToken.None)).Count);
    }

    private ChatWork Work() => new(_reads, CancellationToken.None, _store);

    [Fact]
    public async Task GetAsync_ReadsTheStoreOnce_AndHandsOutACopyEachTime()
    {
        await SeedProgramAsync();
        var work = Work();
        _reads.Reset();

        var first = (await work.GetAsync<CohortStaff>(CohortStaff.IdFor(CohortId, Mentor)))!;
        first.DisplayName = "changed by a turn that failed";
        var again = (await work.GetAsync<CohortStaff>(CohortStaff.IdFor(CohortId, Mentor)))!;
        var missing = await work.GetAsync<Invite>("no-such-invite");
        var missingAgain = await work.GetAsync<Invite>("no-such-invite");

        Assert.Equal("Budi", again.DisplayName);
        Assert.NotSame(first, again);
        Assert.Null(missing);
        Assert.Null(missingAgain);
        Assert.Equal([$"get staff/{CohortStaff.IdFor(CohortId, Mentor)}", "get invites/no-such-invite"], _reads.Reads);
        Assert.Equal("Budi", (await _store.GetAsync<CohortStaff>(CohortStaff.IdFor(CohortId, Mentor), CancellationToken.None))!.DisplayName);
    }

    [Fact]
    public async Task FindAsync_SeesTheBatchsStagedWrites_OverTheStoreReadOnce()
    {
        var ikms = await SeedProgramAsync();
        var work = Work();
        _reads.Reset();
        var before = await work.FindAsync<Assignment>(DocumentIndex.Mentor(Mentor));

        var moved = before.Single(a => a.BusinessId == ikms[0].Id);
        moved.MentorUserId = 802;
        work.Stage(moved);
        work.Delete(before.Single(a => a.BusinessId == ikms[1].Id));
        work.Stage(new Assignment { Id = "a-new", CohortId = CohortId, BusinessId = ikms[3].Id, MentorUserId = Mentor, AssignedAt = WorkflowServices.Now });
        var after = await work.FindAsync<Assignment>(DocumentIndex.Mentor(Mentor));
        var other = await work.FindAsync<Assignment>(DocumentIndex.Mentor(802));

        Assert.Equal(3, before.Count);
        Assert.Equal([ikms[2].Id, ikms[3].Id], after.Select(a => a.BusinessId).Order());
        Assert.Equal(ikms[0].Id, Assert.Single(other).BusinessId);
        Assert.Equal(["find assignments mentor=801", "find assignments mentor=802"], _reads.Reads);
    }

    [Fact]
    public async Task Restore_GoesBackToTheStoresCopy_WithoutReadingItAgain()
    {
        await SeedProgramAsync();
        var work = Work();
        _reads.Reset();
        var checkpoint = work.Save();

        var cohort = (await work.GetAsync<Cohort>(CohortId))!;
        cohort.Name = "Renamed by a turn that failed";
        work.Stage(cohort);
        Assert.Equal("Renamed by a turn that failed", (await work.GetAsync<Cohort>(CohortId))!.Name);
        work.Restore(checkpoint);

        Assert.Equal("Kohort Baca", (await work.GetAsync<Cohort>(CohortId))!.Name);
        Assert.Equal("Kohort Baca", Assert.Single(await work.AllAsync<Cohort>()).Name);
        Assert.Empty(work.StagedDocuments);
        Assert.Equal([$"get cohorts/{CohortId}", "all cohorts"], _reads.Reads);
    }

    [Fact]
    public async Task AWholeCollectionRead_AnswersLaterLookupsByIdAndIndex_AndKeepsTheVersionFirstRead()
    {
        var ikms = await SeedProgramAsync();
        var work = Work();
        var first = (await work.GetAsync<Business>(ikms[0].Id.ToString()))!;
        _reads.Reset();

        // Another writer changes the business after this batch read it: the batch keeps deciding on the version it read,
        // the one its write is checked against.
        var changed = (await _store.GetAsync<Business>(ikms[0].Id.ToString(), CancellationToken.None))!;
        await _store.CommitAsync([new ChangeSet { Documents = [new DocumentChange(new Business { Id = changed.Id, OwnerUserId = changed.OwnerUserId, Version = changed.Version, BusinessName = "Renamed elsewhere" })] }], CancellationToken.None);
        var all = await work.AllBusinessesAsync();
        var byOwner = await work.GetBusinessAsync(ikms[0].OwnerUserId);
        var byId = await work.GetAsync<Business>(ikms[1].Id.ToString());
        var unknown = await work.GetAsync<Business>(Guid.NewGuid().ToString());

        Assert.Equal(["all businesses"], _reads.Reads);
        Assert.Equal(4, all.Count);
        Assert.Equal(("Abon Tuna", first.Version), (byOwner!.BusinessName, byOwner.Version));
        Assert.Equal("Abon Tuna", all.Single(b => b.Id == ikms[0].Id).BusinessName);
        Assert.Equal("Bawang Goreng Nunu", byId!.BusinessName);
        Assert.Null(unknown);
    }
}
