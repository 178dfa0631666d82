using Ikm.Storage.Tests.Support;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Storage;

namespace Ikm.Storage.Tests;

/// <summary>
/// Every document write is version-checked (DESIGN §3): a write lands only on the version its writer read, and two
/// change sets of one commit that changed one document from the same snapshot conflict instead of being merged.
/// </summary>
public abstract partial class BotStoreContract
{
    [StoreFact]
    public async Task Commit_ThrowsConcurrencyForTheLaterChangeSet_WhenTwoCarryTheSameDocumentFromOneSnapshot()
    {
        var invite = Documents.Filled<Invite>(1);
        await Store.CommitAsync([Upserts(invite)], Ct);
        var first = (await DocumentStore.GetAsync<Invite>(invite.Id, Ct))!;
        var second = (await DocumentStore.GetAsync<Invite>(invite.Id, Ct))!;
        first.UsedBy = 601;
        second.UsedBy = 602;

        var conflict = await Assert.ThrowsAsync<ConcurrencyException>(() =>
            Store.CommitAsync([A.Changes(A.Conversation(601)) with { Documents = [new DocumentChange(first)] },
                A.Changes(A.Conversation(602)) with { Documents = [new DocumentChange(second)] }], Ct));

        Assert.Equal([1], conflict.ChangeSets);
        Assert.Equal(602, conflict.ChatId);
        Assert.Equal((1L, 1L), (first.Version, second.Version));
        var stored = (await DocumentStore.GetAsync<Invite>(invite.Id, Ct))!;
        Assert.Equal((1L, invite.UsedBy), (stored.Version, stored.UsedBy));
        Assert.Null(await Store.GetConversationAsync(601, Ct)); // refused before anything is written, by either store
    }

    [StoreFact]
    public async Task Commit_ThrowsConcurrency_WhenTwoChangeSetsCarryTheSameBusinessFromOneSnapshot()
    {
        var first = A.Business(1, ownerUserId: 100);
        var second = A.Business(1, ownerUserId: 100);
        second.Workers = 9;

        var conflict = await Assert.ThrowsAsync<ConcurrencyException>(() =>
            Store.CommitAsync([new ChangeSet { Documents = [new(first)] }, new ChangeSet { Documents = [new(second)] }], Ct));

        Assert.Equal([1], conflict.ChangeSets);
        Assert.Empty(await DocumentStore.GetBusinessesAsync(Ct));
        Assert.Equal((0L, 0L), (first.Version, second.Version));
    }

    [StoreFact]
    public async Task Commit_ThrowsConcurrency_WhenTheDocumentMovedOnSinceItWasRead()
    {
        var visit = Documents.Filled<Visit>(1);
        visit.Status = VisitStatus.CheckedIn;
        await Store.CommitAsync([Upserts(visit)], Ct);
        var stale = (await DocumentStore.GetAsync<Visit>(visit.Id, Ct))!;
        var current = (await DocumentStore.GetAsync<Visit>(visit.Id, Ct))!;
        current.Status = VisitStatus.Logging;
        await Store.CommitAsync([Upserts(current)], Ct);
        stale.Photos = [new VisitPhoto("f-1", "photos/1.jpg")];
        var other = Documents.Filled<Assignment>(1, id: "a-other");

        var conflict = await Assert.ThrowsAsync<ConcurrencyException>(() =>
            Store.CommitAsync([Upserts(other), Upserts(stale)], Ct));

        Assert.Equal([1], conflict.ChangeSets);
        Assert.Equal(0L, conflict.ChatId);
        Assert.Equal(!CommitIsAtomic, conflict.OthersCommitted);
        var stored = (await DocumentStore.GetAsync<Visit>(visit.Id, Ct))!;
        Assert.Equal((VisitStatus.Logging, 2L), (stored.Status, stored.Version));
        Assert.Equal(1, stale.Version);
        Assert.Equal(CommitIsAtomic ? null : "a-other", (await DocumentStore.GetAsync<Assignment>("a-other", Ct))?.Id);
        Assert.Equal(CommitIsAtomic ? 0 : 1, other.Version);
    }

    [StoreFact]
    public async Task Commit_ThrowsConcurrency_WhenANewDocumentsIdIsAlreadyTaken()
    {
        var staff = Documents.Filled<CohortStaff>(1, id: "c-1:801");
        await Store.CommitAsync([Upserts(staff)], Ct);
        var again = Documents.Filled<CohortStaff>(2, id: "c-1:801");

        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.CommitAsync([Upserts(again)], Ct));

        var stored = (await DocumentStore.GetAsync<CohortStaff>("c-1:801", Ct))!;
        Assert.Equal((staff.DisplayName, 1L), (stored.DisplayName, stored.Version));
        Assert.Equal(0, again.Version);
    }

    [StoreFact]
    public async Task Commit_ThrowsConcurrency_WhenDeletingADocumentThatMovedOn()
    {
        var membership = Documents.Filled<CohortMembership>(1);
        await Store.CommitAsync([Upserts(membership)], Ct);
        var stale = (await DocumentStore.GetAsync<CohortMembership>(membership.Id, Ct))!;
        membership.Status = MembershipStatus.Approved;
        await Store.CommitAsync([Upserts(membership)], Ct);

        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.CommitAsync([Deletions(stale)], Ct));

        Assert.Equal(2, (await DocumentStore.GetAsync<CohortMembership>(membership.Id, Ct))!.Version);
        Assert.Single(await DocumentStore.FindAsync<CohortMembership>("cohort", membership.CohortId, Ct));
    }

    [StoreFact]
    public async Task Commit_ThrowsConcurrency_WhenABusinessOrDiagnosisMovedOn()
    {
        var business = A.Business(1, ownerUserId: 100);
        var diagnosis = A.Diagnosis(2, 100, A.T0);
        await Store.CommitAsync([new ChangeSet { Documents = [new(business), new(diagnosis)] }], Ct);
        var staleBusiness = A.Business(1, ownerUserId: 100);
        var staleDiagnosis = A.Diagnosis(2, 100, A.T0);
        staleBusiness.Workers = 99;
        business.Workers = 7;
        await Store.CommitAsync([new ChangeSet { Documents = [new(business)] }], Ct);

        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.CommitAsync([new ChangeSet { Documents = [new(staleBusiness)] }], Ct));
        staleDiagnosis.Version = 5;
        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.CommitAsync([new ChangeSet { Documents = [new(staleDiagnosis)] }], Ct));

        var stored = Assert.Single(await DocumentStore.GetBusinessesAsync(Ct));
        Assert.Equal((7, 2L), (stored.Workers, stored.Version));
        Assert.Equal(1, Assert.Single(await DocumentStore.GetDiagnosesByOwnerAsync(100, Ct)).Version);
    }

    [StoreFact]
    public async Task Commit_WritesOnce_WhenOneWritersObjectIsInTwoChangeSets()
    {
        var visit = Documents.Filled<Visit>(1);
        await Store.CommitAsync([Upserts(visit)], Ct);
        visit.Status = VisitStatus.Completed;

        await Store.CommitAsync([Upserts(visit), Upserts(visit)], Ct);

        Assert.Equal(2, visit.Version);
        var stored = (await DocumentStore.GetAsync<Visit>(visit.Id, Ct))!;
        Assert.Equal((VisitStatus.Completed, 2L), (stored.Status, stored.Version));
    }
}
