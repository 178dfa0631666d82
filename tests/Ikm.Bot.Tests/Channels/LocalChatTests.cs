using Ikm.Bot.Channels.Local;
using Ikm.Storage;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.Time.Testing;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ikm.Bot.Tests.Channels;

public sealed class LocalChatTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
    private readonly StringWriter _output = new();
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("ikm-local-").FullName;
    private readonly LocalChatFiles _copies;
    private readonly DiskOutboxFiles _outboxFiles;
    private readonly LocalChatConsole _console;
    private readonly LocalChatService _service;

    public LocalChatTests()
    {
        _copies = new LocalChatFiles(Path.Combine(_dataDirectory, LocalChatFiles.FolderName), new FakeTimeProvider(Now), NullLogger<LocalChatFiles>.Instance);
        _outboxFiles = new DiskOutboxFiles(Path.Combine(_dataDirectory, DiskOutboxFiles.FolderName));
        _console = new LocalChatConsole(_output, _copies, _outboxFiles);
        _service = new LocalChatService(
            new UpdateIntake(null!, NullLogger<UpdateIntake>.Instance),
            _console,
            Options.Create(new BotOptions { Coordinators = "9" }),
            TextReader.Null,
            new NoLifetime());
    }

    [Fact]
    public async Task Number_PressesTheButtonOfTheLastMessage()
    {
        await _console.SendAsync(new OutgoingMessage
        {
            Id = "x",
            ChatId = 1,
            Text = "Pilih bahasa",
            Buttons = [[new Button("Bahasa Indonesia", "ob:lang:id"), new Button("English", "ob:lang:en")]],
        }, CancellationToken.None);

        var message = _service.ToMessage("2");

        Assert.Equal(IncomingKind.Button, message!.Kind);
        Assert.Equal("ob:lang:en", message.ButtonData);
        Assert.Contains("[2] English", _output.ToString());
        Assert.Null(_service.ToMessage("7"));
        Assert.Contains("Tidak ada tombol nomor 7", _output.ToString());
        Assert.Equal(IncomingKind.Text, _service.ToMessage("/teks 2")!.Kind);

        // A later message without buttons: "6" is a typed answer again.
        await _console.SendAsync(new OutgoingMessage { Id = "y", ChatId = 1, Text = "Lama pendampingan (bulan)?" }, CancellationToken.None);
        var typed = _service.ToMessage("6");
        Assert.Equal(IncomingKind.Text, typed!.Kind);
        Assert.Equal("6", typed.Text);
    }

    [Fact]
    public void Location_Persona_AndCommands_AreParsed()
    {
        var location = _service.ToMessage("/lokasi -0.8917 119.8707");
        Assert.Equal(IncomingKind.Location, location!.Kind);
        Assert.Equal(new GeoPoint(-0.8917, 119.8707), location.Location);

        Assert.Null(_service.ToMessage("/lokasi di sini"));
        Assert.Contains("Format: /lokasi", _output.ToString());

        Assert.Null(_service.ToMessage("/sebagai 9"));
        var start = _service.ToMessage("/start");
        Assert.Equal(IncomingKind.Command, start!.Kind);
        Assert.Equal(9, start.UserId);
        Assert.Equal(9, start.ChatId);
        Assert.Equal("start", start.Command);

        Assert.Equal(IncomingKind.Contact, _service.ToMessage("/kontak 0812 3456 7890")!.Kind);
        Assert.Equal(IncomingKind.Photo, _service.ToMessage("/foto")!.Kind);
        Assert.Equal(IncomingKind.Text, _service.ToMessage("Tenun ikat")!.Kind);
    }

    [Fact]
    public async Task Document_IsWrittenUnderTheDataDirectory_AndThePathPrinted()
    {
        string generated;
        using (var file = _outboxFiles.Create("ekspor-20261204.xlsx", out generated))
            file.Write("PK workbook of Toko Sumber Rejeki"u8);

        await _console.SendAsync(new OutgoingMessage
        {
            Id = "f", ChatId = 9, Kind = OutgoingKind.Document, FileName = "ekspor-20261204.xlsx", FilePath = generated, Text = "Ekspor",
        }, CancellationToken.None);
        await _console.SendAsync(new OutgoingMessage
        {
            Id = "g", ChatId = 9, Kind = OutgoingKind.Document, FileName = "ekspor-20261204.xlsx", FileContent = "second"u8.ToArray(),
        }, CancellationToken.None);

        var copy = Path.Combine(_dataDirectory, LocalChatFiles.FolderName, "2026-12-04", "pengguna-9", "ekspor-20261204.xlsx");
        Assert.Equal("PK workbook of Toko Sumber Rejeki", File.ReadAllText(copy));
        Assert.Equal("second", File.ReadAllText(Path.Combine(Path.GetDirectoryName(copy)!, "ekspor-20261204 (2).xlsx")));
        Assert.Contains($"[berkas: ekspor-20261204.xlsx, 33 bita] Ekspor", _output.ToString());
        Assert.Contains($"📁 disimpan di {copy}", _output.ToString());
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(copy));
    }

    [Fact]
    public async Task Erase_DeletesTheOwnersCopies_AndCopiesNamingThem_KeepsTheRest()
    {
        async Task SendAsync(long chat, string name, string content) => await _console.SendAsync(new OutgoingMessage
        {
            Id = name, ChatId = chat, Kind = OutgoingKind.Document, FileName = name, FileContent = System.Text.Encoding.UTF8.GetBytes(content),
        }, CancellationToken.None);
        await SendAsync(983, "datasaya.json", "{}");
        await SendAsync(9, "ekspor.xlsx", "IKM: Toko Sumber Rejeki");
        await SendAsync(9, "ringkasan.xlsx", "IKM: Tenun Donggala");

        _copies.Erase(OutboxErasure.Of(983, ["Toko Sumber Rejeki"]));

        var left = Directory.GetFiles(Path.Combine(_dataDirectory, LocalChatFiles.FolderName), "*", SearchOption.AllDirectories);
        Assert.Equal(["ringkasan.xlsx"], left.Select(Path.GetFileName));
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    private sealed class NoLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() { }
    }
}
