using System.IO.Compression;
using System.Text;
using Ikm.Storage.Tests.Support;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Storage;

namespace Ikm.Storage.Tests;

public abstract partial class BotStoreContract
{
    [StoreFact]
    public async Task Commit_ErasesTheChatsOutboxAndFailures_AndRowsNamingTheOwnerInAnyChat_ButQueuesItsOwnMessages()
    {
        await Store.CommitAsync([new ChangeSet
        {
            Outgoing =
            [
                A.Message("sent-1", 7, "Siti Aminah"), A.Message("dropped-1", 7), A.Message("pending-7", 7, "Profil Anda"),
                A.Message("other-1", 8), A.Message("notice-8", 8, "Pendaftaran baru: BAKPIA BU SITI (makanan)"),
                A.Message("pending-9", 9, "Hubungi +6281234567890") with { NotBefore = A.T0.AddDays(1) },
                A.Message("button-9", 9, "Pilih IKM") with { Buttons = [[new Button("Bakpia Bu Siti —", "as:i:1")]] },
                A.Message("export-8", 8, "") with { Kind = OutgoingKind.Document, FileName = "ekspor.xlsx", FileContent = Zip("Nama usaha: Bakpia Bu Siti") },
                A.Message("report-8", 8, "") with { Kind = OutgoingKind.Document, FileName = "lain.xlsx", FileContent = Zip("Nama usaha: Abon Ikan") },
                A.Message("json-9", 9, "") with { Kind = OutgoingKind.Document, FileName = "data.json", FileContent = Encoding.UTF8.GetBytes("{\"OwnerName\":\"Siti Aminah\"}") },
            ],
            Failures = [new FailedUpdate(41, 7, "Bug", A.T0), new FailedUpdate(42, 8, "Bug", A.T0)],
        }], Ct);
        await Store.MarkOutboxAsync(
        [
            new OutboxUpdate("sent-1", OutboxStatus.Sent, 1, null, A.T0, 11),
            new OutboxUpdate("dropped-1", OutboxStatus.Dropped, 1, null, null, null),
            new OutboxUpdate("other-1", OutboxStatus.Sent, 1, null, A.T0, 12),
        ], Ct);
        // notice-8 and export-8 stay pending: once delivered, a row keeps no text or file to name anyone
        // (MarkOutbox_KeepsOnlyIdsStatusAndTimes_WhenSentOrDropped), so only pending rows can still mention the owner.

        await Store.CommitAsync([new ChangeSet
        {
            Erasures = [OutboxErasure.Of(7, ["Siti Aminah", "Bakpia Bu Siti", "+6281234567890", "81234567890"])],
            Outgoing = [A.Message("erased-7", 7, "Data dihapus"), A.Message("left-8", 8, "Salah satu IKM keluar")],
        }], Ct);

        foreach (var gone in new[] { "sent-1", "dropped-1", "pending-7", "notice-8", "pending-9", "button-9", "export-8", "json-9" })
            Assert.True(await Store.GetOutboxEntryAsync(gone, Ct) is null, gone + " should be erased");
        foreach (var kept in new[] { "other-1", "report-8" })
            Assert.NotNull(await Store.GetOutboxEntryAsync(kept, Ct));
        Assert.Equal(OutboxStatus.Pending, (await Store.GetOutboxEntryAsync("erased-7", Ct))!.Status);
        Assert.Equal(OutboxStatus.Pending, (await Store.GetOutboxEntryAsync("left-8", Ct))!.Status);
        Assert.Equal([8L], (await Store.GetFailedUpdatesAsync(Ct)).Select(f => f.ChatId));
    }

    [StoreFact]
    public async Task Commit_ErasesRowsWhoseGeneratedFileNamesTheOwner_AndTheChatsFiles_AndDeletesThoseFiles()
    {
        var files = new DiskOutboxFiles(Path.Combine(Path.GetTempPath(), $"ikm-erasure-{Guid.NewGuid():N}", DiskOutboxFiles.FolderName));
        string Write(string name, byte[] content)
        {
            using var stream = files.Create(name, out var path);
            stream.Write(content);
            return path;
        }

        var naming = Write("ekspor.xlsx", Zip("Nama usaha: Bakpia Bu Siti"));
        var other = Write("lain.xlsx", Zip("Nama usaha: Abon Ikan"));
        var owners = Write("data-saya.json", Encoding.UTF8.GetBytes("{}"));
        await Store.CommitAsync([new ChangeSet
        {
            Outgoing =
            [
                A.Message("file-export-8", 8, "") with { Kind = OutgoingKind.Document, FileName = "ekspor.xlsx", FilePath = naming },
                A.Message("file-report-8", 8, "") with { Kind = OutgoingKind.Document, FileName = "lain.xlsx", FilePath = other },
                A.Message("file-json-7", 7, "") with { Kind = OutgoingKind.Document, FileName = "data-saya.json", FilePath = owners },
            ],
        }], Ct);

        await Store.CommitAsync([new ChangeSet { Erasures = [OutboxErasure.Of(7, ["Bakpia Bu Siti"])] }], Ct);

        Assert.Null(await Store.GetOutboxEntryAsync("file-export-8", Ct));
        Assert.Null(await Store.GetOutboxEntryAsync("file-json-7", Ct));
        Assert.Equal(other, (await Store.GetOutboxEntryAsync("file-report-8", Ct))!.Message.FilePath);
        Assert.False(File.Exists(naming));
        Assert.False(File.Exists(owners));
        Assert.True(File.Exists(other));
    }

    /// <summary>A ZIP with one compressed entry, as an XLSX is: the text is not in its raw bytes.</summary>
    private static byte[] Zip(string text)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Optimal).Open());
            entry.Write("<sst><si><t>" + string.Concat(Enumerable.Repeat(text + " ", 20)) + "</t></si></sst>");
        }
        return buffer.ToArray();
    }
}
