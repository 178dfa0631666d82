using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Ikm.TestKit.Tests;

/// <summary>The emulator as seen through the real Telegram.Bot 22 client, so the bot's library is known to fit it.</summary>
public sealed class TelegramEmulatorTests : IAsyncLifetime
{
    private const long ChatA = 1001;
    private const long ChatB = 1002;

    private readonly HttpClient _http = new();
    private TelegramEmulator _emulator = null!;
    private TelegramBotClient _bot = null!;

    public async Task InitializeAsync()
    {
        _emulator = await TelegramEmulator.StartAsync();
        _bot = ClientFor(_emulator);
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task GetMe_ReturnsBotIdentity_WhenTokenIsValid()
    {
        var me = await _bot.GetMe();

        Assert.Equal(123456, me.Id);
        Assert.True(me.IsBot);
        Assert.Equal("IkmTestBot", me.Username);
        Assert.StartsWith("http://127.0.0.1:", _emulator.BaseUrl);
    }

    [Fact]
    public async Task GetMe_Returns401_WhenTokenIsWrong()
    {
        using var response = await _http.GetAsync($"{_emulator.BaseUrl}/bot999:WRONG/getMe");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(body["ok"]!.GetValue<bool>());
        Assert.Equal(401, body["error_code"]!.GetValue<int>());
        Assert.Equal("Unauthorized", body["description"]!.GetValue<string>());
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => ClientFor(_emulator, "999:WRONG").GetMe());
        Assert.Equal(401, error.ErrorCode);
    }

    [Fact]
    public async Task Call_Returns404_WhenMethodIsUnknown_AndMatchesMethodNamesIgnoringCase()
    {
        using var unknown = await _http.PostAsync($"{_emulator.BaseUrl}/bot{_emulator.Token}/sendPigeon", null);
        using var upperCase = await _http.GetAsync($"{_emulator.BaseUrl}/bot{_emulator.Token}/GETME");
        var body = JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Not Found: method not found", body["description"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, upperCase.StatusCode);
    }

    [Fact]
    public async Task GetUpdates_ReturnsAsSoonAsUserWrites_WhenLongPolling()
    {
        var user = _emulator.User(ChatA, "Siti");
        var stopwatch = Stopwatch.StartNew();
        var poll = _bot.GetUpdates(timeout: 20);
        await Task.Delay(150);
        Assert.False(poll.IsCompleted);

        var updateId = await user.SendTextAsync("/start ref42");
        var updates = await poll;

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"long poll took {stopwatch.Elapsed}");
        var update = Assert.Single(updates);
        Assert.Equal(updateId, update.Id);
        Assert.True(updateId >= 1000);
        Assert.Equal("/start ref42", update.Message!.Text);
        Assert.Equal(ChatA, update.Message.Chat.Id);
        Assert.Equal(ChatType.Private, update.Message.Chat.Type);
        Assert.Equal("id", update.Message.From!.LanguageCode);
        Assert.Equal("Siti", update.Message.From.FirstName);
        var entity = Assert.Single(update.Message.Entities!);
        Assert.Equal(MessageEntityType.BotCommand, entity.Type);
        Assert.Equal("/start".Length, entity.Length);
    }

    [Fact]
    public async Task GetUpdates_DropsConfirmedUpdates_WhenOffsetAdvances()
    {
        var user = _emulator.User(ChatA);
        await user.SendTextAsync("satu");
        await user.SendTextAsync("dua");
        var third = await user.SendTextAsync("tiga");

        var firstTwo = await _bot.GetUpdates(limit: 2);
        var again = await _bot.GetUpdates();
        Assert.Equal(["satu", "dua"], firstTwo.Select(u => u.Message!.Text));
        Assert.Equal(3, again.Length);
        Assert.Equal(3, _emulator.PendingUpdateCount);

        var afterConfirm = await _bot.GetUpdates(offset: firstTwo[^1].Id + 1);
        Assert.Equal("tiga", Assert.Single(afterConfirm).Message!.Text);
        Assert.Equal(1, _emulator.PendingUpdateCount);

        var empty = await _bot.GetUpdates(offset: (int)third + 1, timeout: 0);
        Assert.Empty(empty);
        Assert.Equal(third + 1, _emulator.ConfirmedOffset);
        Assert.Equal(0, _emulator.PendingUpdateCount);
    }

    [Fact]
    public async Task GetUpdates_Returns409ToOlderPoll_WhenSecondPollStarts()
    {
        var first = _bot.GetUpdates(timeout: 20);
        await Task.Delay(150);
        var second = _bot.GetUpdates(timeout: 1);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => first);
        Assert.Equal(409, error.ErrorCode);
        Assert.Contains("terminated by other getUpdates request", error.Message);
        Assert.Empty(await second);
    }

    [Fact]
    public async Task GetUpdates_DeserializesEveryUserAction_WhenRealClientReads()
    {
        var user = _emulator.User(ChatA, "Budi");
        await _bot.SendMessage(ChatA, "Pilih", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Ya", "answer:yes")));
        await user.ShareLocationAsync(-6.2, 106.816666);
        await user.SendPhotoAsync("photo-file-1");
        await user.SendContactAsync("+628123456789");
        await user.SendStickerAsync();
        await user.PressAsync("Ya");

        var updates = await _bot.GetUpdates();

        Assert.Equal(5, updates.Length);
        Assert.Equal(-6.2, updates[0].Message!.Location!.Latitude);
        Assert.Equal("photo-file-1", updates[1].Message!.Photo![^1].FileId);
        Assert.Equal("+628123456789", updates[2].Message!.Contact!.PhoneNumber);
        Assert.Equal(ChatA, updates[2].Message!.Contact!.UserId);
        Assert.Equal(MessageType.Sticker, updates[3].Message!.Type);
        Assert.Equal(StickerType.Regular, updates[3].Message!.Sticker!.Type);
        var press = updates[4].CallbackQuery!;
        Assert.Equal("answer:yes", press.Data);
        Assert.Equal("Pilih", press.Message!.Text);
        Assert.Equal(ChatA, press.Message.Chat.Id);
        Assert.False(string.IsNullOrEmpty(press.Id));
    }

    [Fact]
    public async Task GetUpdates_DeliversEveryUpdateOnceInIdOrder_WhenManyUsersWriteConcurrently()
    {
        var writers = Enumerable.Range(1, 20).Select(async u =>
        {
            var user = _emulator.User(5000 + u);
            for (var i = 0; i < 10; i++)
                await user.SendTextAsync($"{u}:{i}");
        });
        var writing = Task.WhenAll(writers);
        var received = new List<Update>();
        var offset = 0;
        while (received.Count < 200)
        {
            var batch = await _bot.GetUpdates(offset: offset, timeout: 2);
            received.AddRange(batch);
            if (batch.Length > 0)
                offset = batch[^1].Id + 1;
        }

        await writing;
        Assert.Equal(200, received.Select(u => u.Message!.Text).Distinct().Count());
        Assert.Equal(received.Select(u => u.Id).Order(), received.Select(u => u.Id));
        Assert.Empty(await _bot.GetUpdates(offset: offset));
    }

    [Fact]
    public async Task SendMessage_RecordsInlineKeyboard_WhenReplyMarkupIsInline()
    {
        var markup = new InlineKeyboardMarkup(new[]
        {
            new[] { InlineKeyboardButton.WithCallbackData("Ya", "confirm:1"), InlineKeyboardButton.WithCallbackData("Tidak", "confirm:0") },
            new[] { InlineKeyboardButton.WithUrl("Bantuan", "https://example.org/help") },
        });

        var message = await _bot.SendMessage(ChatA, "Simpan kunjungan?", replyMarkup: markup);

        Assert.Equal("Simpan kunjungan?", message.Text);
        Assert.Equal(ChatA, message.Chat.Id);
        Assert.True(message.From!.IsBot);
        Assert.Equal("confirm:0", message.ReplyMarkup!.InlineKeyboard.First().Last().CallbackData);
        var sent = Assert.Single(_emulator.SentTo(ChatA));
        Assert.Equal(message.Id, sent.MessageId);
        Assert.Equal("sendMessage", sent.Method);
        Assert.Equal("Simpan kunjungan?", sent.Text);
        Assert.Equal(new InlineButton("Ya", "confirm:1"), sent.InlineButtons[0][0]);
        Assert.Equal("https://example.org/help", sent.InlineButtons[1][0].Url);
        Assert.True(sent.HasButton("Tidak"));
        Assert.False(sent.HasButton("Mungkin"));
    }

    [Fact]
    public async Task SendMessage_RecordsReplyKeyboardAndRemoval_WhenKeyboardMarkupIsSent()
    {
        var keyboard = new ReplyKeyboardMarkup(new[]
        {
            new[] { KeyboardButton.WithRequestLocation("Kirim lokasi") },
            new[] { KeyboardButton.WithRequestContact("Kirim nomor"), new KeyboardButton("Batal") },
        }) { ResizeKeyboard = true };

        await _bot.SendMessage(ChatA, "Bagikan lokasi Anda", replyMarkup: keyboard);
        _emulator.EnforceLimits = false;
        await _bot.SendMessage(ChatA, "Terima kasih", replyMarkup: new ReplyKeyboardRemove());

        var sent = _emulator.SentTo(ChatA);
        Assert.Equal(new ReplyKey("Kirim lokasi", true, false), sent[0].ReplyKeyboard[0][0]);
        Assert.Equal(new ReplyKey("Kirim nomor", false, true), sent[0].ReplyKeyboard[1][0]);
        Assert.True(sent[0].HasReplyKey("Batal"));
        Assert.Empty(sent[0].InlineButtons);
        Assert.True(sent[1].RemoveKeyboard);
        Assert.Empty(sent[1].ReplyKeyboard);
    }

    [Fact]
    public async Task SendMessage_RecordsRenderedText_WhenParseModeIsHtml()
    {
        var message = await _bot.SendMessage(ChatA, "<b>Total</b>: 5 &amp; selesai", parseMode: ParseMode.Html);

        var sent = Assert.Single(_emulator.Sent);
        Assert.Equal("Total: 5 & selesai", sent.Text);
        Assert.Equal("<b>Total</b>: 5 &amp; selesai", sent.RawText);
        Assert.Equal("Total: 5 & selesai", message.Text);
    }

    [Fact]
    public async Task SendDocument_RecordsFileContentAndMarkup_WhenUploadedAsMultipart()
    {
        var content = Encoding.UTF8.GetBytes("kolom1;kolom2\n1;2\n");
        await using var stream = new MemoryStream(content);

        var message = await _bot.SendDocument(ChatA, InputFile.FromStream(stream, "laporan-mei.csv"), caption: "Laporan Mei",
            replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Unduh lagi", "report:again")));

        var sent = Assert.Single(_emulator.SentTo(ChatA));
        Assert.Equal("sendDocument", sent.Method);
        Assert.Equal("laporan-mei.csv", sent.FileName);
        Assert.Equal(content, sent.FileContent);
        Assert.Equal("Laporan Mei", sent.Caption);
        Assert.Null(sent.Text);
        Assert.Equal("report:again", Assert.Single(sent.AllInlineButtons).CallbackData);
        Assert.Equal("laporan-mei.csv", message.Document!.FileName);
        Assert.Equal(content.Length, message.Document.FileSize);

        var file = await _bot.GetFile(message.Document.FileId);
        await using var downloaded = new MemoryStream();
        await _bot.DownloadFile(file.FilePath!, downloaded);
        Assert.Equal(content, downloaded.ToArray());
    }

    [Fact]
    public async Task ForgetChat_DropsTheChatsMessagesFilesAndUser_AndKeepsOtherChats()
    {
        _emulator.EnforceLimits = false;
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes("isi"));
        var document = await _bot.SendDocument(ChatA, InputFile.FromStream(stream, "ekspor.xlsx"));
        await _bot.SendMessage(ChatA, "halo A");
        await _bot.SendMessage(ChatB, "halo B");
        var before = _emulator.User(ChatA);

        _emulator.ForgetChat(ChatA);

        Assert.Empty(_emulator.SentTo(ChatA));
        Assert.Equal("halo B", Assert.Single(_emulator.SentTo(ChatB)).Text);
        Assert.NotSame(before, _emulator.User(ChatA));
        await Assert.ThrowsAsync<ApiRequestException>(() => _bot.GetFile(document.Document!.FileId));
        var next = await _bot.SendMessage(ChatA, "lagi");
        Assert.True(next.MessageId > document.MessageId);
    }

    [Fact]
    public async Task SendDocument_Answers413_WhenTheUploadIsOverTheLimit_AndRecordsNothing()
    {
        await using var emulator = await TelegramEmulator.StartAsync(new EmulatorOptions { MaxUploadBytes = 10_000 });
        var bot = ClientFor(emulator);
        await using var small = new MemoryStream(new byte[8_000]);
        await bot.SendDocument(ChatA, InputFile.FromStream(small, "kecil.xlsx"));
        await using var large = new MemoryStream(new byte[10_001]);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendDocument(ChatA, InputFile.FromStream(large, "besar.xlsx")));

        Assert.Equal(413, error.ErrorCode);
        Assert.Contains("Request Entity Too Large", error.Message);
        Assert.Equal("kecil.xlsx", Assert.Single(emulator.SentTo(ChatA)).FileName);
    }

    [Fact]
    public async Task SendPhoto_RecordsImage_WhenUploadedAsMultipart()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 };
        await using var stream = new MemoryStream(png);

        var message = await _bot.SendPhoto(ChatA, InputFile.FromStream(stream, "grafik.png"), caption: "Grafik mingguan");

        var sent = Assert.Single(_emulator.Sent);
        Assert.Equal("sendPhoto", sent.Method);
        Assert.Equal(png, sent.FileContent);
        Assert.Equal("grafik.png", sent.FileName);
        Assert.Equal("Grafik mingguan", message.Caption);
        Assert.NotEmpty(message.Photo!);
    }

    [Fact]
    public async Task GetFile_ServesAddedContent_WhenUserSentThatPhoto()
    {
        var bytes = new byte[] { 1, 2, 3, 4, 5 };
        _emulator.AddFile("receipt-photo", bytes);
        await _emulator.User(ChatA).SendPhotoAsync("receipt-photo");

        var update = Assert.Single(await _bot.GetUpdates());
        var file = await _bot.GetFile(update.Message!.Photo![^1].FileId);
        await using var downloaded = new MemoryStream();
        await _bot.DownloadFile(file.FilePath!, downloaded);

        Assert.Equal(bytes, downloaded.ToArray());
        var unknown = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.GetFile("no-such-file"));
        Assert.Equal(400, unknown.ErrorCode);
    }

    [Fact]
    public async Task SendMessage_Returns400_WhenTextIsLongerThan4096Characters()
    {
        _emulator.EnforceLimits = false;
        await _bot.SendMessage(ChatA, new string('a', 4096));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(ChatA, new string('a', 4097)));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: message is too long", error.Message);
        Assert.Single(_emulator.Sent);
    }

    [Fact]
    public async Task SendMessage_Returns400_WhenTextIsEmpty()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(ChatA, "  "));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: message text is empty", error.Message);
        Assert.Empty(_emulator.Sent);
    }

    [Fact]
    public async Task SendMessage_Returns400_WhenCallbackDataExceeds64Bytes()
    {
        _emulator.EnforceLimits = false;
        var fits = new string('x', 64);
        var tooLong = new string('é', 33); // 33 characters but 66 UTF-8 bytes.
        await _bot.SendMessage(ChatA, "ok", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("A", fits)));

        var error = await Assert.ThrowsAsync<ApiRequestException>(() =>
            _bot.SendMessage(ChatA, "too long", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("B", tooLong))));

        Assert.Equal(400, error.ErrorCode);
        Assert.Equal("Bad Request: BUTTON_DATA_INVALID", error.Message);
        Assert.Equal("ok", Assert.Single(_emulator.Sent).Text);
    }

    [Fact]
    public async Task SendMessage_Returns429WithRetryAfter_WhenPerChatLimitExceeded()
    {
        await _bot.SendMessage(ChatA, "pertama");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(ChatA, "kedua"));
        await _bot.SendMessage(ChatB, "chat lain tidak terpengaruh");

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(1, error.Parameters?.RetryAfter);
        Assert.Equal(["pertama"], _emulator.SentTo(ChatA).Select(m => m.Text));
        Assert.Single(_emulator.SentTo(ChatB));
        Assert.Equal(1, _emulator.TooManyRequestsCount);
        Assert.Equal(1, _emulator.RateLimitViolations);
    }

    [Fact]
    public async Task SendMessage_Succeeds_WhenPerChatWindowHasSlid()
    {
        await _bot.SendMessage(ChatA, "pertama");
        await Task.Delay(TimeSpan.FromMilliseconds(1050));

        await _bot.SendMessage(ChatA, "kedua");

        Assert.Equal(2, _emulator.SentTo(ChatA).Count);
        Assert.Equal(0, _emulator.RateLimitViolations);
    }

    [Fact]
    public async Task SendMessage_Returns429_WhenGlobalLimitExceeded()
    {
        await using var emulator = await TelegramEmulator.StartAsync(new EmulatorOptions { GlobalMessagesPerSecond = 3, PerChatMessagesPerSecond = 5 });
        var bot = ClientFor(emulator);
        for (var chat = 1; chat <= 3; chat++)
            await bot.SendMessage(chat, $"pesan {chat}");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(4, "pesan 4"));

        Assert.Equal(429, error.ErrorCode);
        Assert.True(error.Parameters?.RetryAfter >= 1);
        Assert.Equal(3, emulator.Sent.Count);
        Assert.Empty(emulator.SentTo(4));
        Assert.Equal(1, emulator.RateLimitViolations);
    }

    [Fact]
    public async Task SendMessage_IsNeverLimited_WhenEnforceLimitsIsOff()
    {
        _emulator.EnforceLimits = false;

        await Task.WhenAll(Enumerable.Range(1, 10).Select(i => _bot.SendMessage(ChatA, $"pesan {i}")));

        Assert.Equal(10, _emulator.SentTo(ChatA).Count);
        Assert.Equal(10, _emulator.SentTo(ChatA).Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(0, _emulator.RateLimitViolations);
    }

    [Fact]
    public async Task SendMessage_Returns403_WhenUserBlockedTheBot()
    {
        _emulator.BlockChat(ChatA);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(ChatA, "halo"));

        Assert.Equal(403, error.ErrorCode);
        Assert.Equal("Forbidden: bot was blocked by the user", error.Message);
        Assert.Empty(_emulator.Sent);
    }

    [Fact]
    public async Task FailNext_Returns5xxThenRecovers_WhenFailureInjected()
    {
        _emulator.FailNext(1);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendMessage(ChatA, "halo"));
        await _bot.SendMessage(ChatA, "halo lagi");

        Assert.Equal(502, error.ErrorCode);
        Assert.Equal(["halo lagi"], _emulator.Sent.Select(m => m.Text));
    }

    [Fact]
    public async Task FailNext_OnlyHitsNamedMethod_WhenMethodGiven()
    {
        _emulator.FailNext(1, 503, "sendDocument");
        await _bot.SendMessage(ChatA, "tidak terpengaruh");
        await using var stream = new MemoryStream([1]);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.SendDocument(ChatB, InputFile.FromStream(stream, "a.bin")));

        Assert.Equal(503, error.ErrorCode);
        Assert.Equal(["sendMessage"], _emulator.Sent.Select(m => m.Method));
    }

    [Fact]
    public async Task EditMessageText_RecordsEdit_AndRefusesUnchangedContent()
    {
        _emulator.EnforceLimits = false;
        var original = await _bot.SendMessage(ChatA, "Menunggu", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Batal", "cancel")));

        var edited = await _bot.EditMessageText(ChatA, original.Id, "Selesai");
        var unchanged = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.EditMessageText(ChatA, original.Id, "Selesai"));
        var missing = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.EditMessageText(ChatA, 9999, "x"));

        Assert.Equal("Selesai", edited.Text);
        Assert.Null(edited.ReplyMarkup);
        var versions = _emulator.SentTo(ChatA);
        Assert.Equal(["sendMessage", "editMessageText"], versions.Select(m => m.Method));
        Assert.All(versions, m => Assert.Equal(original.Id, m.MessageId));
        Assert.Empty(versions[1].InlineButtons);
        Assert.StartsWith("Bad Request: message is not modified", unchanged.Message);
        Assert.Equal("Bad Request: message to edit not found", missing.Message);
    }

    [Fact]
    public async Task AnswerCallbackQuery_RecordsId_WhenQueryWasIssued()
    {
        await _bot.SendMessage(ChatA, "Pilih", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Ya", "yes")));
        await _emulator.User(ChatA).PressAsync("Ya");
        var query = Assert.Single(await _bot.GetUpdates()).CallbackQuery!;

        await _bot.AnswerCallbackQuery(query.Id, "Tersimpan");
        var forged = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.AnswerCallbackQuery("never-issued"));

        Assert.Equal([query.Id], _emulator.AnsweredCallbackQueryIds);
        Assert.Equal("Tersimpan", Assert.Single(_emulator.CallbackAnswers).Text);
        Assert.Equal(400, forged.ErrorCode);
    }

    [Fact]
    public async Task SubmitUpdate_PostsToWebhookWithSecret_WhenWebhookIsSet()
    {
        await using var receiver = await WebhookReceiver.StartAsync("s3cret_token");
        await _bot.SetWebhook(receiver.Url, secretToken: "s3cret_token");
        var user = _emulator.User(ChatA);

        var updateId = await user.SendTextAsync("halo");
        var forgedSecret = await _emulator.PostToWebhookAsync(new JsonObject { ["update_id"] = 1 }, secretOverride: "wrong");
        var noSecret = await _emulator.PostToWebhookAsync(new JsonObject { ["update_id"] = 2 }, omitSecret: true);
        var polling = await Assert.ThrowsAsync<ApiRequestException>(() => _bot.GetUpdates());

        Assert.Equal(receiver.Url, _emulator.WebhookUrl);
        Assert.Equal("s3cret_token", _emulator.WebhookSecret);
        Assert.Equal(new DeliveryResult(updateId, HttpStatusCode.OK), user.LastDelivery);
        Assert.Equal(HttpStatusCode.Unauthorized, forgedSecret);
        Assert.Equal(HttpStatusCode.Unauthorized, noSecret);
        Assert.Equal(409, polling.ErrorCode);
        var received = receiver.Received.ToArray();
        Assert.Equal(["s3cret_token", "wrong", null], received.Select(r => r.Secret));
        var update = JsonSerializer.Deserialize<Update>(received[0].Body, JsonBotAPI.Options)!;
        Assert.Equal("halo", update.Message!.Text);
        Assert.Equal(0, _emulator.PendingUpdateCount);

        await _bot.DeleteWebhook();
        var queued = await _emulator.SubmitUpdateAsync(new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["message_id"] = 50, ["date"] = 0, ["text"] = "lagi",
                ["chat"] = new JsonObject { ["id"] = ChatA, ["type"] = "private", ["first_name"] = "Budi" },
            },
        });
        Assert.Null(queued.WebhookStatus);
        Assert.Equal("lagi", Assert.Single(await _bot.GetUpdates()).Message!.Text);
    }

    [Fact]
    public async Task PressAsync_PressesNewestMessagesButton_WhenSeveralMessagesHaveIt()
    {
        _emulator.EnforceLimits = false;
        var older = await _bot.SendMessage(ChatA, "Kunjungan 1", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Simpan", "save:1")));
        var newer = await _bot.SendMessage(ChatA, "Kunjungan 2", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Simpan", "save:2")));
        var user = _emulator.User(ChatA);

        await user.PressAsync("Simpan");
        await user.PressAsync("simp");
        await _bot.EditMessageReplyMarkup(ChatA, newer.Id, replyMarkup: null);
        await user.PressAsync("Simpan");

        var presses = (await _bot.GetUpdates()).Select(u => u.CallbackQuery!).ToArray();
        Assert.Equal(["save:2", "save:2", "save:1"], presses.Select(p => p.Data));
        Assert.Equal([newer.Id, newer.Id, older.Id], presses.Select(p => p.Message!.Id));
        Assert.Equal("Kunjungan 2", presses[0].Message!.Text);
        Assert.Equal(3, presses.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public async Task PressAsync_ThrowsListingAvailableButtons_WhenNoButtonMatches()
    {
        await _bot.SendMessage(ChatA, "Pilih", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Ya", "yes")));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _emulator.User(ChatA).PressAsync("Hapus"));

        Assert.Contains("\"Hapus\"", error.Message);
        Assert.Contains("\"Ya\"", error.Message);
        Assert.Equal(0, _emulator.PendingUpdateCount);
    }

    [Fact]
    public async Task NextReplyAsync_ReturnsEachReplyOnceInOrder_WhenBotSendsSeveral()
    {
        _emulator.EnforceLimits = false;
        var user = _emulator.User(ChatA);
        var waiting = user.NextReplyAsync();
        await _bot.SendMessage(ChatA, "satu");
        await _bot.SendMessage(ChatB, "untuk orang lain");
        await _bot.SendMessage(ChatA, "dua");

        Assert.Equal("satu", (await waiting).Text);
        Assert.Equal("dua", (await user.NextReplyAsync()).Text);
        Assert.Equal("dua", (await user.LastReplyAsync()).Text);
        await Assert.ThrowsAsync<TimeoutException>(() => user.NextReplyAsync(TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task WaitForMessageAsync_ThrowsListingWhatWasSent_WhenNothingMatches()
    {
        await _bot.SendMessage(ChatA, "Halo Budi");

        var found = await _emulator.WaitForMessageAsync(ChatA, m => m.Text!.Contains("Budi"));
        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            _emulator.WaitForMessageAsync(ChatA, m => m.Text == "Sampai jumpa", TimeSpan.FromMilliseconds(150)));

        Assert.Equal("Halo Budi", found.Text);
        Assert.Contains("Halo Budi", error.Message);
        Assert.Contains($"chat {ChatA}", error.Message);
    }

    [Fact]
    public async Task DisposeAsync_ReleasesLongPoll_WhenEmulatorStops()
    {
        var emulator = await TelegramEmulator.StartAsync();
        var poll = ClientFor(emulator).GetUpdates(timeout: 30);
        await Task.Delay(100);
        var stopwatch = Stopwatch.StartNew();

        await emulator.DisposeAsync();
        try
        {
            await poll;
        }
        catch (Exception exception) when (exception is RequestException or HttpRequestException or ApiRequestException)
        {
            // Either an empty answer or a dropped connection is fine; hanging is not.
        }

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"stopping took {stopwatch.Elapsed}");
    }

    private TelegramBotClient ClientFor(TelegramEmulator emulator, string? token = null) =>
        // No automatic 429 retries: the tests want to see each refusal.
        new(new TelegramBotClientOptions(token ?? emulator.Token, emulator.BaseUrl) { RetryThreshold = 0, RetryCount = 0 }, _http);
}
