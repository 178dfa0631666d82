using Ikm.Bot.Channels.Local;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ikm.Bot.Tests.Channels;

public sealed class LocalChatTests
{
    private readonly StringWriter _output = new();
    private readonly LocalChatConsole _console;
    private readonly LocalChatService _service;

    public LocalChatTests()
    {
        _console = new LocalChatConsole(_output);
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

    private sealed class NoLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() { }
    }
}
