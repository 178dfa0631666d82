using Ikm.Workflow.Engine;

namespace Ikm.Workflow.Reports;

/// <summary>A report asked for in a turn: the request is staged with the turn and the chat gets the "⏳" reply at once.</summary>
public static class ReportRequests
{
    public static void Queue(TurnContext context, ReportKind kind, string? cohortId = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Work.Stage(new ReportRequest
        {
            Id = ReportRequest.IdFor(context.Message.ChatId, context.Message.UpdateId),
            Kind = kind,
            CohortId = cohortId,
            ChatId = context.Message.ChatId,
            UserId = context.Message.UserId,
            Language = context.Language,
            RequestedAt = context.Now,
        });
        context.Reply(context.T(ReportTexts.Preparing));
    }
}
