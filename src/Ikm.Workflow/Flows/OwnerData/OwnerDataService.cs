using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Flows.OwnerData;

/// <summary>/datasaya: the owner's own data as two files, JSON (complete, machine-readable) and XLSX (for people).</summary>
public sealed class OwnerDataService(IOwnerDataExporter exporter)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task SendAsync(TurnContext context)
    {
        if (await OwnerDataCollector.CollectAsync(context.Work, context.Message.UserId, context.Member, context.Now) is not { } snapshot)
        {
            context.Reply(context.T(OwnerDataTexts.NothingStored));
            return;
        }

        var stamp = context.Now.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var date = context.Now.ToString("d MMMM yyyy", Languages.Culture(context.Language));
        context.Send(new OutgoingMessage
        {
            Id = "",
            ChatId = context.Message.ChatId,
            Kind = OutgoingKind.Document,
            FileName = $"data-saya-{stamp}.json",
            FileContent = JsonSerializer.SerializeToUtf8Bytes(snapshot, Json),
            Text = context.T(OwnerDataTexts.ExportCaption, date),
        });
        context.Send(new OutgoingMessage
        {
            Id = "",
            ChatId = context.Message.ChatId,
            Kind = OutgoingKind.Document,
            FileName = $"data-saya-{stamp}.xlsx",
            FileContent = exporter.ToXlsx(snapshot),
        });
    }
}
