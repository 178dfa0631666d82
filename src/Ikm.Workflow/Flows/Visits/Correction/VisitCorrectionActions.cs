using Ikm.Workflow.Engine;

namespace Ikm.Workflow.Flows.Visits.Correction;

/// <summary>The "✏️ Koreksi waktu" button ("vce:{visit}") on the check-out summary: opens the correction of that visit.</summary>
public sealed class VisitCorrectionActions(VisitCorrectionFlow flow) : IActionHandler
{
    public IReadOnlyList<string> ButtonPrefixes { get; } = [VisitCorrectionFlow.EntryButton.Prefix + ":"];

    public Task HandleAsync(TurnContext context) =>
        flow.OpenAsync(context, VisitCorrectionFlow.EntryButton.Decode(context.Message.ButtonData)?.Value);
}
