using Ikm.Storage.Tests.Support;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;

namespace Ikm.Storage.Tests;

/// <summary>Businesses, diagnoses (documents, read through their typed helpers) and member erasure: what every store must also do.</summary>
public abstract partial class BotStoreContract
{
    [StoreFact]
    public async Task Business_RoundTripsEveryField_AndIsFoundByItsOwner()
    {
        var business = A.Business(1, ownerUserId: 100);

        await Store.CommitAsync([new ChangeSet { Documents = [new(business)] }], Ct);
        var stored = await DocumentStore.GetBusinessByOwnerAsync(100, Ct);

        Assert.NotNull(stored);
        Assert.Equal(1, business.Version);
        AssertSameBusiness(business, stored);
        Assert.Equal(1, stored.Version);
        Assert.Equal(12_500_000.50m, stored.MonthlyTurnover);
        Assert.Equal(new GeoPoint(-7.8291234567, 110.4012345678), stored.Location);
        Assert.Equal(new ConsentRecord("2025.1", A.T0.AddMinutes(-5)), stored.Consent);
    }

    [StoreFact]
    public async Task GetBusinessByOwner_ReturnsNull_WhenTheOwnerHasNone()
    {
        await Store.CommitAsync([new ChangeSet { Documents = [new(A.Business(1, ownerUserId: 100))] }], Ct);

        Assert.Null(await DocumentStore.GetBusinessByOwnerAsync(200, Ct));
        Assert.Empty(await DocumentStore.GetDiagnosesByOwnerAsync(200, Ct));
    }

    [StoreFact]
    public async Task GetBusinessByOwner_NeverFindsAnAnonymisedBusiness()
    {
        var anonymised = A.AnonymisedBusiness(1);
        await Store.CommitAsync([new ChangeSet { Documents = [new(anonymised), new(A.Business(2, ownerUserId: 100))] }], Ct);

        Assert.Null(await DocumentStore.GetBusinessByOwnerAsync(0, Ct));
        Assert.Equal(A.Id(2), (await DocumentStore.GetBusinessByOwnerAsync(100, Ct))!.Id);
        var all = await DocumentStore.GetBusinessesAsync(Ct);
        Assert.Equal([A.Id(1), A.Id(2)], all.Select(b => b.Id).Order());
        AssertSameBusiness(anonymised, all.Single(b => b.Id == A.Id(1)));
    }

    [StoreFact]
    public async Task Business_IsNoLongerFoundByOwner_OnceAnonymised()
    {
        var business = A.Business(1, ownerUserId: 100);
        await Store.CommitAsync([new ChangeSet { Documents = [new(business)] }], Ct);

        var erased = A.AnonymisedBusiness(1);
        erased.Version = business.Version;
        await Store.CommitAsync([new ChangeSet { Documents = [new(erased)] }], Ct);

        Assert.Null(await DocumentStore.GetBusinessByOwnerAsync(100, Ct));
        var stored = Assert.Single(await DocumentStore.GetBusinessesAsync(Ct));
        Assert.Equal((0L, true, (string?)null, 2L), (stored.OwnerUserId, stored.Anonymised, stored.Phone, stored.Version));
    }

    [StoreFact]
    public async Task Businesses_AreUpsertedById_WithTheVersionIncrementedOnEachWrite()
    {
        var business = A.Business(1, ownerUserId: 100);
        await Store.CommitAsync([new ChangeSet { Documents = [new(business)] }], Ct);

        business.MonthlyTurnover = 20_000_000.75m;
        business.Legality = ["NIB"];
        business.Workers = 6;
        await Store.CommitAsync([new ChangeSet { Documents = [new(business)] }], Ct);

        Assert.Equal(2, business.Version);
        var stored = Assert.Single(await DocumentStore.GetBusinessesAsync(Ct));
        Assert.Equal((20_000_000.75m, 6, 2L), (stored.MonthlyTurnover, stored.Workers, stored.Version));
        Assert.Equal(["NIB"], stored.Legality);
        AssertSameBusiness(business, (await DocumentStore.GetBusinessByOwnerAsync(100, Ct))!);
    }

    [StoreFact]
    public async Task GetDiagnosesByOwner_ReturnsOnlyThatOwners_OldestFirst()
    {
        await Store.CommitAsync(
        [
            new ChangeSet { Documents = [new(A.Diagnosis(1, 100, A.T0.AddDays(2))), new(A.Diagnosis(2, 100, A.T0))] },
            new ChangeSet { Documents = [new(A.Diagnosis(3, 200, A.T0.AddDays(1))), new(A.Diagnosis(4, 0, A.T0))] },
            new ChangeSet { Documents = [new(A.Diagnosis(5, 100, A.T0.AddDays(1)))] },
        ], Ct);

        Assert.Equal([A.Id(2), A.Id(5), A.Id(1)], (await DocumentStore.GetDiagnosesByOwnerAsync(100, Ct)).Select(d => d.Id));
        Assert.Equal([A.Id(3)], (await DocumentStore.GetDiagnosesByOwnerAsync(200, Ct)).Select(d => d.Id));
        Assert.Empty(await DocumentStore.GetDiagnosesByOwnerAsync(0, Ct));
    }

    [StoreFact]
    public async Task Diagnosis_IsUpsertedById_AndRoundTripsEveryField()
    {
        var diagnosis = A.Diagnosis(1, 100, A.T0);
        await Store.CommitAsync([new ChangeSet { Documents = [new(diagnosis)] }], Ct);
        var started = Assert.Single(await DocumentStore.GetDiagnosesByOwnerAsync(100, Ct));
        AssertSameDiagnosis(diagnosis, started);
        Assert.Null(started.CompletedAt);

        A.Completed(diagnosis, A.T0.AddDays(3));
        await Store.CommitAsync([new ChangeSet { Documents = [new(diagnosis)] }], Ct);

        var stored = Assert.Single(await DocumentStore.GetDiagnosesByOwnerAsync(100, Ct));
        Assert.Equal(2, diagnosis.Version);
        AssertSameDiagnosis(diagnosis, stored);
        Assert.Equal((DiagnosisStatus.Completed, 2L, A.T0.AddDays(3)), (stored.Status, stored.Version, stored.CompletedAt));
        Assert.Equal(3.6666666666666665, stored.AreaScores["production"]);
        Assert.Equal(["quality", "production"], stored.WeakestAreas);
    }

    [StoreFact]
    public async Task DeletedMembers_AreRemoved_AndUnknownIdsIgnored()
    {
        await Store.CommitAsync([new ChangeSet { Members = [A.Member(100, 10), A.Member(200, 20)] }], Ct);

        await Store.CommitAsync([new ChangeSet { DeletedMembers = [100, 999] }], Ct);

        Assert.Null(await Store.GetMemberAsync(100, Ct));
        Assert.Equal([200L], (await Store.GetMembersAsync([100, 200, 999], Ct)).Keys);
    }

    [StoreFact]
    public async Task Commit_AppliesMemberUpsertsAndDeletions_InTheOrderOfTheBatch()
    {
        await Store.CommitAsync([new ChangeSet { Members = [A.Member(200, 20)] }], Ct);

        await Store.CommitAsync(
        [
            new ChangeSet { Members = [A.Member(100, 10)], DeletedMembers = [200] },
            new ChangeSet { Members = [A.Member(200, 20, Workflow.Members.MemberRole.Mentor), A.Member(300, 30)], DeletedMembers = [100] },
            // Within one change set the deletion is the later intent.
            new ChangeSet { Members = [A.Member(300, 30)], DeletedMembers = [300] },
        ], Ct);

        var members = await Store.GetMembersAsync([100, 200, 300], Ct);
        Assert.Equal([200L], members.Keys);
        Assert.Equal(Workflow.Members.MemberRole.Mentor, members[200].Role);
    }

    [StoreFact]
    public async Task Commit_WritesConversationOutboxBusinessDiagnosisAndErasure_Together()
    {
        await Store.CommitAsync([new ChangeSet { Members = [A.Member(1_000_042, 42)] }], Ct);
        var conversation = A.Conversation(42);
        var business = A.Business(1, ownerUserId: 1_000_042);
        var diagnosis = A.Diagnosis(2, 1_000_042, A.T0);

        await Store.CommitAsync(
        [
            new ChangeSet
            {
                Conversation = conversation,
                Outgoing = [A.Message("upd-1-0", 42)],
                Documents = [new(business), new(diagnosis)],
                DeletedMembers = [1_000_042],
            },
        ], Ct);

        Assert.Equal((1L, 1L, 1L), (conversation.Version, business.Version, diagnosis.Version));
        Assert.Equal(1, (await Store.GetConversationAsync(42, Ct))!.Version);
        Assert.NotNull(await Store.GetOutboxEntryAsync("upd-1-0", Ct));
        Assert.Equal(A.Id(1), (await DocumentStore.GetBusinessByOwnerAsync(1_000_042, Ct))!.Id);
        Assert.Equal([A.Id(2)], (await DocumentStore.GetDiagnosesByOwnerAsync(1_000_042, Ct)).Select(d => d.Id));
        Assert.Null(await Store.GetMemberAsync(1_000_042, Ct));
    }

    [StoreFact]
    public async Task Commit_LeavesOwnerChangesUnwritten_WhenTheConversationConflicts()
    {
        var mine = A.Conversation(1);
        await Store.CommitAsync([new ChangeSet { Conversation = mine, Members = [A.Member(500, 1)] }], Ct);
        var theirs = (await Store.GetConversationAsync(1, Ct))!;
        await Store.CommitAsync([A.Changes(theirs)], Ct);
        var business = A.Business(1, ownerUserId: 500);

        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.CommitAsync(
            [new ChangeSet { Conversation = mine, DeletedMembers = [500], Documents = [new(business), new(A.Diagnosis(2, 500, A.T0))] }],
            Ct));

        Assert.Equal(0, business.Version);
        Assert.Null(await DocumentStore.GetBusinessByOwnerAsync(500, Ct));
        Assert.Empty(await DocumentStore.GetDiagnosesByOwnerAsync(500, Ct));
        Assert.NotNull(await Store.GetMemberAsync(500, Ct));
    }

    [StoreFact]
    public async Task Commit_Throws_WhenABusinessHasNoId_AndWritesNothing()
    {
        var business = A.Business(1, ownerUserId: 100);
        business.Id = Guid.Empty;

        await Assert.ThrowsAsync<ArgumentException>(() => Store.CommitAsync(
            [A.Changes(A.Conversation(7), A.Message("m", 7)), new ChangeSet { Documents = [new(business)] }], Ct));

        Assert.Null(await Store.GetConversationAsync(7, Ct));
        Assert.Null(await Store.GetOutboxEntryAsync("m", Ct));
        Assert.Empty(await DocumentStore.GetBusinessesAsync(Ct));
    }

    private static void AssertSameBusiness(Business expected, Business actual)
    {
        Assert.Equal((expected.Id, expected.OwnerUserId, expected.Version), (actual.Id, actual.OwnerUserId, actual.Version));
        Assert.Equal(
            (expected.OwnerName, expected.BusinessName, expected.Products, expected.Commodity, expected.Kecamatan, expected.Kelurahan, expected.Phone),
            (actual.OwnerName, actual.BusinessName, actual.Products, actual.Commodity, actual.Kecamatan, actual.Kelurahan, actual.Phone));
        Assert.Equal(expected.Location, actual.Location);
        Assert.Equal((expected.Workers, expected.MonthlyTurnover), (actual.Workers, actual.MonthlyTurnover));
        Assert.Equal(expected.Legality, actual.Legality);
        Assert.Equal(
            (expected.KeepsBooks, expected.HasBankAccount, expected.HadBankCredit, expected.Anonymised),
            (actual.KeepsBooks, actual.HasBankAccount, actual.HadBankCredit, actual.Anonymised));
        Assert.Equal(expected.Consent, actual.Consent);
        Assert.Equal((expected.RegisteredAt, expected.UpdatedAt), (actual.RegisteredAt, actual.UpdatedAt));
    }

    private static void AssertSameDiagnosis(DiagnosisResponse expected, DiagnosisResponse actual)
    {
        Assert.Equal(
            (expected.Id, expected.OwnerUserId, expected.BusinessId, expected.Version),
            (actual.Id, actual.OwnerUserId, actual.BusinessId, actual.Version));
        Assert.Equal(
            (expected.QuestionnaireId, expected.QuestionnaireVersion, expected.Status),
            (actual.QuestionnaireId, actual.QuestionnaireVersion, actual.Status));
        Assert.Equal(expected.Answers.OrderBy(p => p.Key), actual.Answers.OrderBy(p => p.Key));
        Assert.Equal(
            (expected.StartedAt, expected.LastAnsweredAt, expected.CompletedAt),
            (actual.StartedAt, actual.LastAnsweredAt, actual.CompletedAt));
        Assert.Equal(expected.AreaScores.OrderBy(p => p.Key), actual.AreaScores.OrderBy(p => p.Key));
        Assert.Equal(expected.WeakestAreas, actual.WeakestAreas);
        Assert.Equal(expected.FromProfile, actual.FromProfile);
    }
}
