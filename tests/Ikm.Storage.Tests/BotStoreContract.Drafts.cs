using Ikm.Storage.Tests.Support;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Storage;

namespace Ikm.Storage.Tests;

public abstract partial class BotStoreContract
{
    private IDraftStore Drafts => (IDraftStore)Store;

    [StoreFact]
    public async Task GetIdleDrafts_FindsConversationsWithAnswers_UntouchedBeforeTheCutoff()
    {
        var old = A.Conversation(1);
        old.Data["rg.a.owner_name"] = "Siti";
        var oldEmpty = A.Conversation(2);
        var recent = A.Conversation(3);
        recent.Data["rg.a.owner_name"] = "Ani";
        recent.UpdatedAt = A.T0.AddDays(10);
        await Store.CommitAsync([A.Changes(old), A.Changes(oldEmpty), A.Changes(recent)], Ct);

        var idle = await Drafts.GetIdleDraftsAsync(A.T0.AddDays(1), 10, Ct);

        var found = Assert.Single(idle);
        Assert.Equal(1, found.ChatId);
        Assert.Equal(1, found.Version);
        Assert.Equal("Siti", found.Data["rg.a.owner_name"]);
    }

    [StoreFact]
    public async Task GetAbandonedDiagnoses_FindsInProgressWithAnswers_LastAnsweredBeforeTheCutoff()
    {
        var abandoned = A.Diagnosis(1, 100, A.T0);
        var empty = A.Diagnosis(2, 101, A.T0);
        empty.Answers.Clear();
        var completed = A.Completed(A.Diagnosis(3, 102, A.T0), A.T0.AddMinutes(5));
        var recent = A.Diagnosis(4, 103, A.T0);
        recent.LastAnsweredAt = A.T0.AddDays(10);
        await Store.CommitAsync([new ChangeSet { Documents = [new(abandoned), new(empty), new(completed), new(recent)] }], Ct);

        var found = await DocumentStore.GetAbandonedDiagnosesAsync(A.T0.AddDays(1), 10, Ct);

        Assert.Equal([A.Id(1)], found.Select(d => d.Id));
    }
}
