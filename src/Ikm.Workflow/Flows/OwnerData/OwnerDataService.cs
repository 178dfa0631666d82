using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Reports;
using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Flows.OwnerData;

/// <summary>/datasaya: the owner's own data as two files, JSON (complete, machine-readable) and XLSX (for people).</summary>
public sealed class OwnerDataService(IOwnerDataExporter exporter) : IRouteOwner
{
    public IEnumerable<EntryRoute> Routes => [new(null, context => { Request(context); return Task.CompletedTask; }) { Commands = ["datasaya", "mydata"], Help = OwnerDataTexts.MyDataHelp }];

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Queues the request; the report job builds the files (<see cref="BuildAsync"/>) off the update path.</summary>
    public static void Request(TurnContext context) => ReportRequests.Queue(context, ReportKind.OwnerData);

    /// <summary>
    /// The messages that answer a /datasaya request: the two files, or "nothing stored". Addressed to the request's chat,
    /// the owner's private chat (the sender refuses a file to any other chat); ids are the caller's.
    /// </summary>
    public async Task<IReadOnlyList<OutgoingMessage>> BuildAsync(ChatWork work, ReportRequest request, Member? member, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lang = request.Language;
        if (await OwnerDataCollector.CollectAsync(work, request.UserId, member, now) is not { } snapshot)
            return [new OutgoingMessage { Id = "", ChatId = request.ChatId, Text = OwnerDataTexts.NothingStored.In(lang) }];

        var stamp = now.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var date = now.ToString("d MMMM yyyy", Languages.Culture(lang));
        return
        [
            new OutgoingMessage
            {
                Id = "",
                ChatId = request.ChatId,
                Kind = OutgoingKind.Document,
                FileName = $"data-saya-{stamp}.json",
                FileContent = JsonSerializer.SerializeToUtf8Bytes(snapshot, Json),
                Text = OwnerDataTexts.ExportCaption.In(lang, date),
            },
            new OutgoingMessage
            {
                Id = "",
                ChatId = request.ChatId,
                Kind = OutgoingKind.Document,
                FileName = $"data-saya-{stamp}.xlsx",
                FileContent = exporter.ToXlsx(snapshot),
            },
        ];
    }
}
