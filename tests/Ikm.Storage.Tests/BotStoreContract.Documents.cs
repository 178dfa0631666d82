using System.Reflection;
using Ikm.Storage.Tests.Support;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;

namespace Ikm.Storage.Tests;

/// <summary>Generic documents: what every store must also do as an <see cref="IDocumentStore"/>.</summary>
public abstract partial class BotStoreContract
{
    protected IDocumentStore DocumentStore => (IDocumentStore)Store;

    private static ChangeSet Upserts(params IDocument[] documents) =>
        new() { Documents = documents.Select(d => new DocumentChange(d)).ToList() };

    private static ChangeSet Deletions(params IDocument[] documents) =>
        new() { Documents = documents.Select(d => new DocumentChange(d, Delete: true)).ToList() };

    [StoreFact]
    public Task Documents_RoundTripEveryField_OfEveryRegisteredType() => ForEveryDocumentType(nameof(RoundTripAsync));

    [StoreFact]
    public Task Documents_AreFoundByEachIndex_InIdOrder() => ForEveryDocumentType(nameof(FindByEachIndexAsync));

    [StoreFact]
    public async Task AuditLog_AppendsRecords_FoundByCohortInTimeOrder()
    {
        var log = new Ikm.Workflow.Audit.StoreAuditLog(Store, TimeProvider.System);
        var t0 = new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);
        foreach (var (minutes, cohort) in new[] { (5, "c-1"), (1, "c-1"), (3, "c-2"), (2, "c-1") })
        {
            await log.RecordAsync(new Ikm.Workflow.Audit.AuditEntry
            {
                At = t0.AddMinutes(minutes), CohortId = cohort, ActorUserId = 700, ActorRole = Ikm.Workflow.Audit.AuditRole.Coordinator,
                Action = Ikm.Workflow.Audit.AuditAction.Exported, Targets = ["cohort:" + cohort],
            }, Ct);
        }
        await log.DashboardSignInAsync("admin", Ct);

        var cohortOne = await DocumentStore.FindAsync<Ikm.Workflow.Audit.AuditEntry>("cohort", "c-1", Ct);
        var programWide = await DocumentStore.FindAsync<Ikm.Workflow.Audit.AuditEntry>("cohort", Ikm.Workflow.Audit.AuditEntry.ProgramWide, Ct);

        Assert.Equal([1.0, 2.0, 5.0], cohortOne.Select(e => (e.At - t0).TotalMinutes));
        var signIn = Assert.Single(programWide);
        Assert.Equal((Ikm.Workflow.Audit.AuditAction.DashboardSignIn, "dashboard:admin"), (signIn.Action, Assert.Single(signIn.Targets)));
    }

    [StoreFact]
    public async Task AuditEntry_KeepsAnEditsOldAndNewValue_AndNullsForAFreeTextField()
    {
        var t0 = new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);
        Ikm.Workflow.Audit.AuditEntry Edit(int seconds, string field, string? from, string? to) => new()
        {
            Id = Ikm.Workflow.Audit.AuditEntry.NewId(t0.AddSeconds(seconds)), At = t0.AddSeconds(seconds), CohortId = "c-1",
            ActorUserId = 750, ActorRole = Ikm.Workflow.Audit.AuditRole.Coordinator, Action = Ikm.Workflow.Audit.AuditAction.CohortEdited,
            Targets = ["cohort:c-1"], Field = field, OldValue = from, NewValue = to,
        };
        await Store.CommitAsync([Upserts(Edit(2, "name", null, null), Edit(1, "max_ikm", "5", "4"))], Ct);

        var trail = await DocumentStore.FindAsync<Ikm.Workflow.Audit.AuditEntry>("cohort", "c-1", Ct);

        Assert.Equal([("max_ikm", "5", "4"), ("name", null, null)], trail.Select(e => (e.Field, e.OldValue, e.NewValue)));
        Assert.All(trail, e => Assert.Equal((750L, Ikm.Workflow.Audit.AuditRole.Coordinator), (e.ActorUserId, e.ActorRole)));
        Assert.Single(await DocumentStore.FindAsync<Ikm.Workflow.Audit.AuditEntry>("actor", "750", Ct), e => e.Field == "max_ikm");
    }

    [StoreFact]
    public async Task Visit_RoundTripsFlagsLocationPhotosAndNulls()
    {
        var visit = Documents.Filled<Visit>(1);
        visit.Flags = VisitFlags.FarFromProductionHouse | VisitFlags.ForgottenCheckOut;
        visit.CheckInLocation = new GeoPoint(-7.8291234567, 110.4012345678);
        visit.Photos = [new VisitPhoto("AgAD-1", null), new VisitPhoto("AgAD-2", "data/photos/2.jpg")];
        visit.EndedAt = null;
        visit.DistanceMeters = null;

        await Store.CommitAsync([Upserts(visit)], Ct);
        var stored = await DocumentStore.GetAsync<Visit>(visit.Id, Ct);

        Assert.NotNull(stored);
        Assert.Equal(VisitFlags.FarFromProductionHouse | VisitFlags.ForgottenCheckOut, stored.Flags);
        Assert.Equal(new GeoPoint(-7.8291234567, 110.4012345678), stored.CheckInLocation);
        Assert.Equal(visit.Photos, stored.Photos);
        Assert.Null(stored.EndedAt);
        Assert.Null(stored.DistanceMeters);
        Assert.Null(stored.Duration);
    }

    [StoreFact]
    public async Task Cohort_RoundTripsStartDateRulesAndCommodities()
    {
        var cohort = Documents.Filled<Cohort>(1);
        cohort.StartDate = new DateOnly(2026, 2, 28);
        cohort.DurationMonths = 6;
        cohort.Rules.MinHoursPerVisit = 3.5;

        await Store.CommitAsync([Upserts(cohort)], Ct);
        var stored = (await DocumentStore.GetAsync<Cohort>(cohort.Id, Ct))!;

        Assert.Equal((new DateOnly(2026, 2, 28), new DateOnly(2026, 8, 28)), (stored.StartDate, stored.EndDate));
        Assert.Equal(3.5, stored.Rules.MinHoursPerVisit);
        Assert.Equal(cohort.Commodities, stored.Commodities);
    }

    [StoreFact]
    public async Task Commit_StoresDocumentAtCallersVersionPlusOne_AndMovesTheCallerOn()
    {
        var invite = Documents.Filled<Invite>(1);

        await Store.CommitAsync([Upserts(invite)], Ct);
        Assert.Equal(1, invite.Version);
        invite.Revoked = false;
        await Store.CommitAsync([Upserts(invite)], Ct);

        Assert.Equal(2, invite.Version);
        var stored = await DocumentStore.GetAsync<Invite>(invite.Id, Ct);
        Assert.Equal((2L, false), (stored!.Version, stored.Revoked));
    }

    [StoreFact]
    public async Task Update_RewritesIndexes_SoTheOldValueNoLongerFindsIt()
    {
        var visit = Documents.Filled<Visit>(1);
        visit.Status = VisitStatus.CheckedIn;
        await Store.CommitAsync([Upserts(visit)], Ct);
        var oldMentor = visit.Indexes()["mentor"];
        Assert.Equal([visit.Id], (await DocumentStore.FindAsync<Visit>("status", "CheckedIn", Ct)).Select(v => v.Id));

        visit.Status = VisitStatus.Completed;
        visit.MentorUserId = 777;
        await Store.CommitAsync([Upserts(visit)], Ct);

        Assert.Empty(await DocumentStore.FindAsync<Visit>("status", "CheckedIn", Ct));
        Assert.Empty(await DocumentStore.FindAsync<Visit>("mentor", oldMentor, Ct));
        var completed = Assert.Single(await DocumentStore.FindAsync<Visit>("status", "Completed", Ct));
        Assert.Equal((visit.Id, 2L), (completed.Id, completed.Version));
        Assert.Equal(visit.Id, Assert.Single(await DocumentStore.FindAsync<Visit>("mentor", "777", Ct)).Id);
        Assert.Equal(visit.Id, Assert.Single(await DocumentStore.FindAsync<Visit>("cohort", visit.CohortId, Ct)).Id);
    }

    [StoreFact]
    public async Task Delete_RemovesDocumentAndItsIndexEntries()
    {
        var kept = Documents.Filled<Assignment>(1, id: "a-1");
        var deleted = Documents.Filled<Assignment>(1, id: "a-2");
        await Store.CommitAsync([Upserts(kept, deleted)], Ct);

        await Store.CommitAsync([Deletions(deleted)], Ct);

        Assert.Null(await DocumentStore.GetAsync<Assignment>("a-2", Ct));
        Assert.Equal(["a-1"], (await DocumentStore.FindAsync<Assignment>("cohort", kept.CohortId, Ct)).Select(a => a.Id));
        Assert.Equal(["a-1"], (await DocumentStore.AllAsync<Assignment>(Ct)).Select(a => a.Id));
        await Store.CommitAsync([Deletions(deleted)], Ct); // deleting what is gone is no error
    }

    [StoreFact]
    public async Task Commit_DeletesDocument_WhenTheBatchUpsertsThenDeletesIt()
    {
        var membership = Documents.Filled<CohortMembership>(1);

        await Store.CommitAsync([Upserts(membership), Deletions(membership)], Ct);

        Assert.Null(await DocumentStore.GetAsync<CohortMembership>(membership.Id, Ct));
        Assert.Empty(await DocumentStore.FindAsync<CohortMembership>("cohort", membership.CohortId, Ct));
        Assert.Equal(0, membership.Version);
    }

    [StoreFact]
    public async Task All_ReturnsEveryDocumentOfTheCollectionOnly_InIdOrder()
    {
        await Store.CommitAsync(
        [
            Upserts(Documents.Filled<Evaluation>(2, id: "e-3"), Documents.Filled<Evaluation>(1, id: "e-1")),
            Upserts(Documents.Filled<Evaluation>(3, id: "e-2"), Documents.Filled<Visit>(1, id: "e-0")),
        ], Ct);

        Assert.Equal(["e-1", "e-2", "e-3"], (await DocumentStore.AllAsync<Evaluation>(Ct)).Select(e => e.Id));
        Assert.Equal(["e-0"], (await DocumentStore.AllAsync<Visit>(Ct)).Select(v => v.Id));
        Assert.Empty(await DocumentStore.AllAsync<Cohort>(Ct));
        Assert.Null(await DocumentStore.GetAsync<Cohort>("e-1", Ct)); // ids are per collection
    }

    [StoreFact]
    public async Task Commit_WritesDocumentsWithTheConversationOfTheSameChangeSet()
    {
        var conversation = A.Conversation(21);
        var visit = Documents.Filled<Visit>(1);

        await Store.CommitAsync([new ChangeSet { Conversation = conversation, Documents = [new DocumentChange(visit)] }], Ct);

        Assert.Equal((1L, 1L), (conversation.Version, visit.Version));
        Assert.Equal(1, (await Store.GetConversationAsync(21, Ct))!.Version);
        Assert.Equal(1, (await DocumentStore.GetAsync<Visit>(visit.Id, Ct))!.Version);
    }

    [StoreFact]
    public async Task Commit_LeavesDocumentsUnwritten_WhenItsConversationConflicts()
    {
        var mine = A.Conversation(1);
        await Store.CommitAsync([A.Changes(mine)], Ct);
        var theirs = (await Store.GetConversationAsync(1, Ct))!;
        await Store.CommitAsync([A.Changes(theirs)], Ct);
        var visit = Documents.Filled<Visit>(1);

        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.CommitAsync(
            [new ChangeSet { Conversation = mine, Documents = [new DocumentChange(visit)] }], Ct));

        Assert.Null(await DocumentStore.GetAsync<Visit>(visit.Id, Ct));
        Assert.Empty(await DocumentStore.FindAsync<Visit>("cohort", visit.CohortId, Ct));
        Assert.Equal(0, visit.Version);
    }

    [StoreFact]
    public async Task Commit_RejectsAnUnregisteredTypeAndAnEmptyId_BeforeWritingAnything()
    {
        var conversation = A.Conversation(5);
        var blank = Documents.Filled<Invite>(1, id: "");

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.CommitAsync(
            [new ChangeSet { Conversation = conversation, Documents = [new DocumentChange(new Unregistered())] }], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.CommitAsync([Upserts(blank)], Ct));

        Assert.Null(await Store.GetConversationAsync(5, Ct));
        Assert.Equal(0, conversation.Version);
        Assert.Empty(await DocumentStore.AllAsync<Invite>(Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => DocumentStore.AllAsync<Unregistered>(Ct));
    }

    [DocumentCollection("unregistered")]
    public sealed class Unregistered : IDocument
    {
        public string Id { get; set; } = "u-1";
        public long Version { get; set; }
        public IReadOnlyDictionary<string, string> Indexes() => new Dictionary<string, string>();
    }

    private async Task ForEveryDocumentType(string method)
    {
        var generic = typeof(BotStoreContract).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Instance)!;
        Assert.NotEmpty(DocumentTypes.All);
        foreach (var type in DocumentTypes.All)
        {
            try
            {
                await (Task)generic.MakeGenericMethod(type).Invoke(this, null)!;
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"{type.Name}: {ex.Message}", ex);
            }
        }
    }

    private async Task RoundTripAsync<T>() where T : class, IDocument
    {
        var document = Documents.Filled<T>(1);
        Documents.AssertEverythingSet(document);

        await Store.CommitAsync([Upserts(document)], Ct);
        var stored = await DocumentStore.GetAsync<T>(document.Id, Ct);

        Assert.NotNull(stored);
        Assert.Equal(1, document.Version);
        Documents.AssertEquivalent(document, stored);
        Assert.Null(await DocumentStore.GetAsync<T>(document.Id + "-unknown", Ct));
    }

    /// <summary>
    /// Seed 1 twice (same index values, the copy's id sorting first) and seed 2 (other values); each index value must
    /// find exactly the documents that have it, in id order.
    /// </summary>
    private async Task FindByEachIndexAsync<T>() where T : class, IDocument
    {
        var first = Documents.Filled<T>(1, id: "k-2");
        var copy = Documents.Filled<T>(1, id: "k-1");
        var other = Documents.Filled<T>(2, id: "k-3");
        IDocument[] all = [first, other, copy];
        await Store.CommitAsync([Upserts(all)], Ct);

        foreach (var (name, value) in first.Indexes().Concat(other.Indexes()))
        {
            var expected = all.Where(d => d.Indexes().TryGetValue(name, out var v) && v == value)
                .Select(d => d.Id).Order(StringComparer.Ordinal);
            var found = await DocumentStore.FindAsync<T>(name, value, Ct);
            Assert.True(expected.SequenceEqual(found.Select(d => d.Id)), $"index {name}={value}");
            Assert.All(found, d => Assert.Equal(1, d.Version));
        }
        Assert.Empty(await DocumentStore.FindAsync<T>("no-such-index", "x", Ct));
        Assert.Equal([copy.Id, first.Id, other.Id], (await DocumentStore.AllAsync<T>(Ct)).Select(d => d.Id));
    }
}
