using System.Globalization;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.Logging;

namespace Ikm.Workflow.Program.Actions;

/// <summary>/ringkasan, /ekspor, /terlambat, /peringkat — coordinators only, for the latest cohort.</summary>
public sealed class ReportActions(IProgramReports reports, ILogger<ReportActions> log) : IActionHandler
{
    public IReadOnlyList<string> ButtonPrefixes { get; } = ["rp:"];

    public IReadOnlyList<string> Commands { get; } = ["ringkasan", "summary", "ekspor", "export", "terlambat", "late", "peringkat", "ranking"];

    public async Task HandleAsync(TurnContext context)
    {
        if (!ProgramDirectory.IsCoordinator(context))
        {
            log.LogWarning("Report command refused for user {UserId}: not a coordinator", context.Message.UserId);
            context.Reply(context.T(ProgramTexts.CoordinatorsOnly));
            return;
        }

        var cohorts = await ProgramDirectory.CohortsAsync(context);
        if (cohorts.Count == 0)
        {
            context.Reply(context.T(ProgramTexts.NoCohort));
            return;
        }

        // "rp:{cohort}:{command}" from the cohort question below; a typed command asks when there are several cohorts.
        var pressed = context.Message.ButtonData?.Split(':') is ["rp", var cohortId, var pressedCommand] ? (cohortId, pressedCommand) : default;
        var command = context.Message.Command ?? pressed.pressedCommand ?? "";
        var cohort = pressed.cohortId is { } id ? cohorts.FirstOrDefault(c => c.Id == id) : cohorts.Count == 1 ? cohorts[0] : null;
        if (cohort is null)
        {
            if (pressed.cohortId is not null)
                context.Reply(context.T(CommonTexts.StaleButton));
            else
                context.Reply(context.T(ProgramTexts.ChooseCohort), [.. cohorts.Select(c => (IReadOnlyList<Button>)[new Button(c.Name, $"rp:{c.Id}:{command}")])]);
            return;
        }

        var report = command switch
        {
            "ekspor" or "export" => await reports.ExportAsync(cohort.Id, context.Language, CancellationToken.None),
            "terlambat" or "late" => await reports.LateAsync(cohort.Id, context.Language, CancellationToken.None),
            "peringkat" or "ranking" => await reports.RankingAsync(cohort.Id, context.Language, CancellationToken.None),
            _ => await reports.WeeklyAsync(cohort.Id, context.Language, CancellationToken.None),
        };
        Send(context, report, command);
    }

    /// <summary>The report as messages: the text, then the chart as a photo and the workbook as a document.</summary>
    public static void Send(TurnContext context, ProgramReport report, string name)
    {
        context.Reply(report.Text);
        var stamp = context.Now.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        if (report.ChartPng is { } png)
            context.Send(new OutgoingMessage { Id = "", ChatId = context.Message.ChatId, Kind = OutgoingKind.Photo, FileName = $"grafik-{stamp}.png", FileContent = png });
        if (report.Xlsx is { } xlsx)
            context.Send(new OutgoingMessage { Id = "", ChatId = context.Message.ChatId, Kind = OutgoingKind.Document, FileName = $"{name}-{stamp}.xlsx", FileContent = xlsx });
    }
}
