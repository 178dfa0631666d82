using System.Text.RegularExpressions;
using Ikm.Bot.Tests.Support;
using Ikm.TestKit;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Members;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Ikm.Bot.Tests.Mentoring.MentoringProgramEndToEndTests;

namespace Ikm.Bot.Tests.Conversations;

/// <summary>
/// Issue 12, "done when": a new user runs the whole cycle using only what /bantuan tells each role. Every step's
/// command is read from the role's /bantuan at that moment (a button from the help and the role's menu), asserted to be
/// there, and then used; the screens a command opens guide the rest.
/// </summary>
public sealed partial class HelpGuidedCycleTests
{
    private const long AdminId = 700; // Bot:Coordinators of BotUnderTest: the program administrator
    private const double HouseLat = -0.8917, HouseLon = 119.8707; // where OwnerScript registers the production house
    private const string Cohort = "Pendampingan IKM Palu 2026";
    private const string Business = "Abon Ikan Mama Ani";

    [Fact]
    public async Task WholeCycle_CanBeRunWithOnlyWhatEachRolesHelpSays()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero)); // Monday 08:00 WITA
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));

        // The administrator, not joined yet: /bantuan says to type /start, choose a language, then the coordinator role — no invite.
        var admin = emulator.User(AdminId, "Rina");
        var administratorHelp = await HelpAsync(admin);
        var role = Regex.Match(administratorHelp, @"/start, pilih bahasa, lalu (\S+ \w+) — tanpa undangan");
        Assert.True(role.Success, administratorHelp);
        await admin.SendTextAsync("/start");
        await admin.NextReplyAsync();
        await admin.PressAsync("Bahasa Indonesia");
        await admin.NextReplyAsync();
        await admin.PressAsync(role.Groups[1].Value);
        Assert.Contains("Menu koordinator", (await admin.NextReplyAsync()).Text);

        // A cohort, with the command the coordinator's help names for it; the form's questions guide the rest.
        var help = await HelpAsync(admin);
        await admin.SendTextAsync(Command(help, "kohort baru"));
        Assert.Contains("Nama kohort?", (await admin.NextReplyAsync()).Text);
        await admin.SendTextAsync(Cohort);
        await admin.NextReplyAsync();
        await admin.SendTextAsync("Kota Palu");
        await admin.NextReplyAsync();
        await admin.PressAsync("WITA (Makassar)");
        await admin.NextReplyAsync();
        foreach (var answer in new[] { "1 Desember 2026", "6", "lewati", "lewati", "lewati" })
        {
            await admin.SendTextAsync(answer);
            await admin.NextReplyAsync();
        }

        await admin.SendTextAsync("abon ikan, bawang goreng");
        Assert.Contains($"Kohort \"{Cohort}\" dibuat", (await admin.NextReplyAsync()).Text);

        // An invite by the help's own example; the same line says what the invitee types in the local chat.
        help = await HelpAsync(admin);
        var inviteLine = Line(help, "/undang mentor ");
        Assert.Contains("/start <kode undangan>", inviteLine);
        await admin.SendTextAsync(Regex.Match(inviteLine, @"/\w+ mentor ").Value + "Budi Santoso");
        var invite = await admin.NextReplyAsync();
        var token = Regex.Match(invite.Text!, @"\?start=([A-Za-z0-9_-]+)\s*$");
        Assert.True(token.Success, invite.Text);

        // The mentor, before joining, reads the same in the newcomer's help, and joins with the code.
        var mentor = emulator.User(4601, "Budi");
        var newcomerHelp = await HelpAsync(mentor);
        Assert.Contains("/start, pilih bahasa, lalu peran", newcomerHelp);
        Assert.Contains("/start <kode undangan>", newcomerHelp);
        await mentor.SendTextAsync("/start " + token.Groups[1].Value);
        Assert.Contains("sebagai pendamping, Budi Santoso", (await mentor.NextReplyAsync()).Text);

        // The owner: /start explains who joins how; the owner's help names the menu button of the next step: register, then diagnose.
        var owner = emulator.User(4602, "Siti");
        await owner.SendTextAsync("/start");
        Assert.Contains("Pemilik IKM bisa langsung mendaftar", (await owner.NextReplyAsync()).Text);
        await owner.PressAsync("Bahasa Indonesia");
        await owner.NextReplyAsync();
        await owner.PressAsync("Pemilik IKM");
        var ownerMenu = await owner.NextReplyAsync();
        var ownerHelp = await HelpAsync(owner);
        Assert.Equal("👤 Profil usaha", NextStepButton(ownerHelp, ownerMenu));
        await OwnerScript.RegisterAsync(owner); // presses 👤 Profil usaha, then answers the questions as they come
        await owner.PressAsync("💾 Simpan");
        await owner.NextReplyAsync();

        // The coordinator is told; the help names where registrations wait.
        await emulator.WaitForMessageAsync(AdminId, m => m.Text?.Contains("menunggu persetujuan") == true);
        help = await HelpAsync(admin);
        await admin.SendTextAsync(Command(help, "menunggu persetujuan"));
        Assert.Contains(Business, (await admin.NextReplyAsync()).Text);
        await admin.PressAsync("✅ " + Cohort);
        Assert.Contains("diterima di kohort", (await admin.NextReplyAsync()).Text);
        await emulator.WaitForMessageAsync(owner.Id, m => m.Text?.Contains("diterima di program") == true);

        // The diagnosis, from the button the owner's help names as the next step.
        ownerHelp = await HelpAsync(owner);
        await owner.SendTextAsync("/menu");
        ownerMenu = await owner.NextReplyAsync();
        await owner.PressAsync(NextStepButton(ownerHelp, ownerMenu));
        await owner.NextReplyAsync();
        await owner.PressAsync("▶️ Mulai");
        var result = await OwnerScript.AnswerDiagnosisAsync(owner, await owner.NextReplyAsync());
        Assert.Contains("Rencana pembinaan", result.Text);
        Assert.Equal("📋 Rencana pembinaan", NextStepButton(await HelpAsync(owner), ownerMenu));

        // The assignment, with the help's command; the mentor is told.
        help = await HelpAsync(admin);
        await admin.SendTextAsync(Command(help, "tugaskan pendamping"));
        await admin.NextReplyAsync();
        await admin.PressAsync(Business);
        await admin.NextReplyAsync();
        await admin.PressAsync("Budi Santoso");
        Assert.Contains("sekarang didampingi Budi Santoso", (await admin.NextReplyAsync()).Text);
        await emulator.WaitForMessageAsync(mentor.Id, m => m.Text?.Contains("IKM baru untuk Anda dampingi") == true);

        // The mentor's help: the IKM list names the card, which shows how to reach the owner.
        var mentorHelp = await HelpAsync(mentor);
        var ikmsLine = Line(mentorHelp, "IKM dampingan");
        Assert.Contains("🪪", ikmsLine);
        await mentor.SendTextAsync(Command(mentorHelp, "IKM dampingan"));
        Assert.Contains(Business, (await mentor.NextReplyAsync()).Text);
        await mentor.PressAsync("🪪 " + Business);
        var card = await mentor.NextReplyAsync();
        Assert.Contains("👤 Pemilik: Siti Aminah", card.Text);
        Assert.Contains("(ketuk untuk menelepon): +6281234567890", card.Text);
        Assert.Contains($"https://maps.google.com/?q={HouseLat},{HouseLon}", card.Text);

        // Check-in: the help says to share the location.
        await mentor.SendTextAsync(Command(mentorHelp, "kirim lokasi"));
        await mentor.NextReplyAsync();
        await mentor.PressAsync(Business);
        Assert.True((await mentor.NextReplyAsync()).HasReplyKey("📍 Kirim lokasi saat ini"));
        await mentor.ShareLocationAsync(HouseLat, HouseLon);
        Assert.Contains("pukul 08:00 WITA", (await mentor.NextReplyAsync()).Text);

        // Check-out 4 h 30 min later and the logbook, with a photo.
        time.Advance(TimeSpan.FromMinutes(270));
        await mentor.SendTextAsync(Command(mentorHelp, "logbook"));
        Assert.Contains("Selesai kunjungan di " + Business, (await mentor.NextReplyAsync()).Text);
        await mentor.PressAsync("✅ Ya, selesai");
        Assert.Contains("4 jam 30 menit", (await mentor.NextReplyAsync()).Text);
        Assert.Contains("Masalah apa", (await mentor.NextReplyAsync()).Text);
        foreach (var answer in new[] { "Kemasan mudah sobek", "Memilih standing pouch", "20 kemasan baru berlabel", "Daftar PIRT minggu depan" })
        {
            await mentor.SendTextAsync(answer);
            await mentor.NextReplyAsync();
        }

        await mentor.PressAsync("Merek & kemasan");
        await mentor.NextReplyAsync();
        await mentor.PressAsync("✅ Selesai memilih");
        Assert.Contains("Kirim foto", (await mentor.NextReplyAsync()).Text);
        emulator.AddFile("photo-help-cycle", [1, 2, 3, 4]);
        await mentor.SendPhotoAsync("photo-help-cycle");
        Assert.Contains("Foto 1 dari 5", (await mentor.NextReplyAsync()).Text);
        await mentor.PressAsync("✅ Selesai");
        var saved = await mentor.NextReplyAsync();
        Assert.Contains("Logbook tersimpan", saved.Text);
        Assert.Contains("1 foto", saved.Text);

        // The monthly evaluation, by the command the help names: per area a score and the logbook's notes, then the summary's 💾 Simpan.
        await mentor.SendTextAsync(Command(mentorHelp, "evaluasi bulanan"));
        Assert.Contains("Evaluasi bulan November 2026", (await mentor.NextReplyAsync()).Text);
        await mentor.PressAsync(Business);
        var step = await mentor.NextReplyAsync();
        Assert.Contains("Bidang 1 dari", step.Text);
        for (var inputs = 0; inputs < 20 && !step.Text!.Contains("tersimpan", StringComparison.Ordinal); inputs++)
        {
            var press = new[] { "💾 Simpan", "3", "✅ Pakai catatan ini", "⏭ Tanpa catatan" }.First(step.HasButton);
            await mentor.PressAsync(press);
            step = await mentor.NextReplyAsync();
        }

        Assert.Contains($"Evaluasi {Business} bulan November 2026 tersimpan", step.Text);

        // The coordinator's reports, by the commands the help names.
        help = await HelpAsync(admin);
        await admin.SendTextAsync(Command(help, "ringkasan mingguan"));
        await admin.ExpectPreparingAsync();
        var summary = await admin.NextReportAsync();
        Assert.Contains("📊 Ringkasan mingguan — " + Cohort, summary.Text);
        await admin.SendTextAsync(Command(help, "Excel"));
        await admin.ExpectPreparingAsync();
        Assert.StartsWith("Ekspor", (await admin.NextReportAsync()).Text);
        Assert.EndsWith(".xlsx", (await admin.NextReportAsync()).FileName);
    }

    /// <summary>
    /// The engine's own commands, answered in every state for every role (ConversationEngine.TryCommandAsync); the
    /// routes' commands are read from the running host.
    /// </summary>
    private static readonly string[] EngineCommands = ["start", "menu", "batal", "kembali", "bantuan"];

    /// <summary>
    /// Commands a role's routes answer that its Bahasa guide does not name, each with the reason. The English words of
    /// every command (/cancel, /summary, /invite …) answer too: the English guide names them in place of the Bahasa
    /// ones (CommandGuideTests checks both languages).
    /// </summary>
    private static readonly Dictionary<MemberRole, string[]> Unnamed = new()
    {
        // /start is what Telegram sends when the chat is opened; a member who types it gets the menu again. The
        // newcomer's guide names it, and the coordinator's invite line names /start <kode undangan>.
        [MemberRole.Owner] = ["start"],
        [MemberRole.Mentor] = ["start"],
    };

    [Fact]
    public async Task EveryRole_EachCommandItsHelpNamesIsAnswered_AndEachCommandItsRoutesAnswerIsNamed()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        await using var emulator = await Emulator.StartFastAsync();
        await using var bot = await BotUnderTest.StartAsync(emulator, services: s => s.AddSingleton<TimeProvider>(time));
        var routes = bot.App.Services.GetServices<IRouteOwner>().SelectMany(o => o.Routes).Where(r => r.Commands.Count > 0).ToList();

        var admin = await JoinAsCoordinatorAsync(emulator);
        await CreateCohortAsync(admin);
        var mentor = await InviteAndJoinMentorAsync(emulator, admin, 4611, "Budi Santoso");
        var coordinator = emulator.User(4612, "Sari");
        await coordinator.SendTextAsync("/start " + await InviteAsync(admin, "koordinator", "Sari Dewi"));
        Assert.Contains("sebagai koordinator", (await coordinator.NextReplyAsync()).Text);
        var newcomer = emulator.User(4613, "Andi");
        var unregistered = emulator.User(4614, "Ani");
        await OwnerScript.JoinAsOwnerAsync(unregistered);
        var registered = emulator.User(4615, "Siti");
        await RegisterOwnerAsync(registered);
        await ApproveAsync(admin);

        foreach (var (name, user, role) in new[]
        {
            ("newcomer", newcomer, MemberRole.None),
            ("owner before registration", unregistered, MemberRole.Owner),
            ("owner after registration", registered, MemberRole.Owner),
            ("mentor", mentor, MemberRole.Mentor),
            ("coordinator", coordinator, MemberRole.Coordinator),
            ("administrator", admin, MemberRole.Coordinator),
        })
        {
            user.SkipReplies();
            var help = await HelpAsync(user);
            var named = NamedCommands(help);
            await AssertEachIsAnsweredAsync(emulator, user, name, named);

            var answered = routes.Where(r => r.Role is null || (role != MemberRole.None && r.Role == role)).Select(r => r.Commands[0]).Concat(EngineCommands);
            var unnamed = answered.Except(named).Except(Unnamed.GetValueOrDefault(role, [])).ToList();
            Assert.True(unnamed.Count == 0, $"The {name}'s /bantuan does not name /{string.Join(", /", unnamed)}:\n{help}");
        }
    }

    /// <summary>Every "/word" the guide names, in its order: the command lines and the examples in their descriptions.</summary>
    private static List<string> NamedCommands(string help) =>
        [.. SlashWord().Matches(help).Select(m => m.Groups[1].Value).Distinct()];

    [GeneratedRegex(@"(?<![\w./])/([a-z]+)")]
    private static partial Regex SlashWord();

    /// <summary>
    /// Each command, followed by an unknown one whose refusal marks the end of the command's replies (replies keep
    /// their order in a chat; no waiting on a clock): at least one reply, and none refusing it as unknown or as
    /// another role's.
    /// </summary>
    private static async Task AssertEachIsAnsweredAsync(TelegramEmulator emulator, TestUser user, string name, IReadOnlyList<string> commands)
    {
        string[] refusals =
        [
            "Perintah tidak dikenal", Ikm.Workflow.Texts.CommonTexts.CoordinatorsOnly.In("id"), Ikm.Workflow.Mentoring.ProgramTexts.CoordinatorsOnly.In("id"),
            Ikm.Workflow.Mentoring.ProgramTexts.MentorsOnly.In("id"), MenuTexts.OwnersOnly.In("id"), Ikm.Workflow.Mentoring.ProgramTexts.AdministratorsOnly.In("id"),
        ];
        for (var i = 0; i < commands.Count; i++)
        {
            var before = emulator.SentTo(user.ChatId).Count;
            await user.SendTextAsync("/" + commands[i]);
            var end = $"/zzbukanperintah{i}";
            await user.SendTextAsync(end);
            await emulator.WaitForMessageAsync(user.ChatId, m => m.Text?.StartsWith($"Perintah tidak dikenal: {end}.", StringComparison.Ordinal) == true);
            var sent = emulator.SentTo(user.ChatId);
            var replies = sent.Skip(before).TakeWhile(m => m.Text?.StartsWith($"Perintah tidak dikenal: {end}.", StringComparison.Ordinal) != true).ToList();
            Assert.True(replies.Count > 0, $"/{commands[i]}, named in the {name}'s /bantuan, got no reply.");
            var refused = replies.FirstOrDefault(m => refusals.Any(r => m.Body?.Contains(r, StringComparison.Ordinal) == true));
            Assert.True(refused is null, $"/{commands[i]}, named in the {name}'s /bantuan, is refused: {refused?.Body}");
        }

        user.SkipReplies();
    }

    /// <summary>
    /// Sends /bantuan and returns the guide (the message with "Kapan saja:"); notices that arrive first are passed over.
    /// </summary>
    internal static async Task<string> HelpAsync(TestUser user)
    {
        await user.SendTextAsync("/bantuan");
        while (true)
        {
            var reply = await user.NextReplyAsync();
            if (reply.Text?.Contains("\nKapan saja:\n", StringComparison.Ordinal) == true) return reply.Text;
        }
    }

    /// <summary>The command line ("/word — what it does") of the guide that holds <paramref name="words"/>; fails naming the guide when there is none.</summary>
    private static string Line(string help, string words)
    {
        var line = help.Split('\n').FirstOrDefault(l => l.StartsWith('/') && l.Contains(words, StringComparison.OrdinalIgnoreCase));
        Assert.True(line is not null, $"/bantuan names nothing with \"{words}\":\n{help}");
        return line;
    }

    /// <summary>The command of the guide's line "/word — what it does" whose description holds <paramref name="words"/>.</summary>
    private static string Command(string help, string words)
    {
        var line = help.Split('\n').FirstOrDefault(l => l.StartsWith('/') && l.Contains(" — ", StringComparison.Ordinal)
            && l[l.IndexOf(" — ", StringComparison.Ordinal)..].Contains(words, StringComparison.OrdinalIgnoreCase));
        Assert.True(line is not null, $"/bantuan has no command for \"{words}\":\n{help}");
        return line[..line.IndexOf(' ', StringComparison.Ordinal)];
    }

    /// <summary>The menu button the guide's "Langkah berikutnya" line names (the first, where it names two).</summary>
    private static string NextStepButton(string help, SentMessage menu)
    {
        var line = help.Split('\n').FirstOrDefault(l => l.Contains("Langkah berikutnya", StringComparison.Ordinal));
        Assert.True(line is not null, $"/bantuan names no next step:\n{help}");
        var button = menu.AllInlineButtons.Where(b => line.Contains(b.Text, StringComparison.Ordinal)).MinBy(b => line.IndexOf(b.Text, StringComparison.Ordinal));
        Assert.True(button is not null, $"The next step names no menu button: {line}\nMenu: {menu}");
        return button.Text;
    }
}
