using System.Text.Json;
using Ikm.Workflow.Conversations;
using Ikm.Workflow.Flows.Evaluations;
using Ikm.Workflow.Flows.Visits.CheckOut;

namespace Ikm.Bot.Tests.Support;

/// <summary>What a stored conversation holds of a flow's draft, read as the flow reads it.</summary>
public static class StoredDrafts
{
    /// <summary>The logbook answers of the visit being checked out, by question id.</summary>
    public static IReadOnlyDictionary<string, string> LogbookAnswers(Conversation conversation) =>
        JsonSerializer.Deserialize<CheckOutDraft>(conversation.Data["draft:" + CheckOutFlow.FlowName])!.Logbook.Answers;

    /// <summary>The evaluation left open or half-way (its areas and answers).</summary>
    public static EvaluationDraft Evaluation(Conversation conversation) =>
        JsonSerializer.Deserialize<EvaluationDraft>(conversation.Data["draft:" + EvaluationFlow.FlowName])!;
}
