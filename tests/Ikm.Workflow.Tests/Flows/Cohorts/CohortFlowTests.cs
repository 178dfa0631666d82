using Ikm.Workflow.Audit;
using Ikm.Workflow.Flows.Cohorts;
using Ikm.Workflow.Flows.Questions;
using Ikm.Workflow.Members;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Storage;
using Ikm.Workflow.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Ikm.Workflow.Tests.Flows.Cohorts;

/// <summary>The cohort form through the kernel: a new cohort, a stored one changed field by field, and what is refused.</summary>
public sealed class CohortFlowTests
{
    private const string Stale = "Tombol itu sudah tidak berlaku";
    private readonly ListLogger<CohortFlow> _log = new();

    [Fact]
    public async Task ACoordinatorWithoutCohorts_FillsTheForm_AndTheCohortIsStoredWithTheCreatorAsItsCoordinator()
    {
        var chat = new FlowHarness(Flow(), Coordinator());

        await chat.StartAsync();
        Assert.Contains("Nama kohort?", chat.LastReply.Text);
        await chat.TextAsync("Pendampingan IKM Palu 2026");
        await chat.TextAsync("Kota Palu");
        await chat.PressAsync(chat.Button("WITA (Makassar)"));
        await chat.TextAsync("1 Desember 2026");
        await chat.TextAsync("6");
        await chat.TextAsync("2");
        await chat.TextAsync("lewati");
        await chat.TextAsync("lewati");
        await chat.TextAsync("abon ikan, bawang goreng");

        Assert.Contains("Kohort \"Pendampingan IKM Palu 2026\" dibuat", chat.LastReply.Text);
        Assert.Equal("", chat.Conversation.Flow);
        Assert.DoesNotContain("draft:cohort", chat.Conversation.Data.Keys);
        var cohort = Assert.Single(await chat.Store.AllAsync<Cohort>(CancellationToken.None));
        Assert.Equal(("Pendampingan IKM Palu 2026", "Kota Palu", "Asia/Makassar", new DateOnly(2026, 12, 1), 6),
            (cohort.Name, cohort.Region, cohort.TimeZoneId, cohort.StartDate, cohort.DurationMonths));
        Assert.Equal((2, 4.0, 5), (cohort.Rules.MinVisitsPerWeek, cohort.Rules.MinHoursPerVisit, cohort.Rules.MaxIkmsPerMentor));
        Assert.Equal(["abon ikan", "bawang goreng"], cohort.Commodities);
        var staff = Assert.Single(await chat.Store.AllAsync<CohortStaff>(CancellationToken.None));
        Assert.Equal((cohort.Id, FlowHarness.ChatId, MemberRole.Coordinator), (staff.CohortId, staff.UserId, staff.Role));
        Assert.Contains(await chat.Store.AllAsync<AuditEntry>(CancellationToken.None), e => e.Action == AuditAction.CohortCreated && e.CohortId == cohort.Id);
    }

    [Fact]
    public async Task OneFieldEditedFromTheSummary_ChangesOnlyThatField_AndIsAudited()
    {
        var chat = new FlowHarness(Flow(), Coordinator(), await SeedAsync());

        await chat.StartAsync();
        Assert.Contains("Pilih kohort", chat.LastReply.Text);
        Assert.Equal("ch:new", chat.Button("➕ Kohort baru"));
        Assert.Equal("ch:edit:c1", chat.Button("✏️ Palu"));
        Assert.Throws<InvalidOperationException>(() => chat.Button("✏️ Lombok"));
        await chat.PressAsync(chat.Button("✏️ Palu"));
        Assert.Contains("IKM/pendamping: 5", chat.LastReply.Text);
        Assert.Equal("ch:field:max_ikm", chat.Button("✏️ IKM/pendamping"));
        Assert.Equal("ch:save", chat.Button("💾 Simpan"));

        await chat.PressAsync(chat.Button("✏️ IKM/pendamping"));
        Assert.Contains("Maksimal IKM per pendamping", chat.LastReply.Text);
        await chat.TextAsync("100");
        Assert.Contains("Antara 1 dan 50 IKM", chat.LastReply.Text);
        await chat.TextAsync("4");
        Assert.Contains("IKM/pendamping: 4", chat.LastReply.Text);
        await chat.PressAsync(chat.Button("💾 Simpan"));

        Assert.Contains("Kohort \"Palu\" diperbarui", chat.LastReply.Text);
        Assert.Equal("", chat.Conversation.Flow);
        var palu = (await chat.Store.GetAsync<Cohort>("c1", CancellationToken.None))!;
        Assert.Equal((4, "Asia/Makassar", "Kota Palu"), (palu.Rules.MaxIkmsPerMentor, palu.TimeZoneId, palu.Region));
        Assert.Equal(["abon ikan"], palu.Commodities);
        var edited = Assert.Single(await chat.Store.AllAsync<AuditEntry>(CancellationToken.None));
        Assert.Equal((AuditAction.CohortEdited, "c1", "max_ikm", "5", "4"), (edited.Action, edited.CohortId, edited.Field, edited.OldValue, edited.NewValue));
    }

    [Fact]
    public async Task AForgedEditButtonForAnotherCohort_IsRefusedAsStale_LoggedAndAudited_AndShowsNothingOfIt()
    {
        var chat = new FlowHarness(Flow(), Coordinator(), await SeedAsync());
        await chat.StartAsync();

        await chat.PressAsync("ch:edit:c2");

        Assert.StartsWith(Stale, chat.LastReply.Text);
        Assert.DoesNotContain("Lombok", chat.LastReply.Text);
        Assert.Null(chat.LastReply.Buttons);
        Assert.Equal(nameof(CohortState.Choosing), chat.Conversation.State);
        Assert.Contains(_log.Lines, l => l.Level == LogLevel.Warning && l.Text.Contains($"User {FlowHarness.ChatId} refused an action on cohort c2"));
        var refused = Assert.Single(await chat.Store.AllAsync<AuditEntry>(CancellationToken.None));
        Assert.Equal((AuditAction.AccessRefused, "c2"), (refused.Action, refused.CohortId));

        await chat.PressAsync("ch:edit:c1");
        Assert.Contains("• Nama: Palu", chat.LastReply.Text);
    }

    [Fact]
    public async Task Back_InTheNewForm_AsksThePreviousQuestion_AndTheAnswerGivenAgainReplacesIt()
    {
        var chat = new FlowHarness(Flow(), Coordinator());
        await chat.StartAsync();
        Assert.False(await chat.BackAsync());
        await chat.TextAsync("Pendampingan Lama");
        Assert.Contains("Wilayah", chat.LastReply.Text);

        Assert.True(await chat.BackAsync());

        Assert.Contains("Nama kohort?", chat.LastReply.Text);
        await chat.TextAsync("Pendampingan Baru");
        Assert.Contains("Wilayah", chat.LastReply.Text);
        Assert.Equal("Pendampingan Baru", Draft(chat).Form.Answers["name"]);
    }

    [Fact]
    public async Task Back_WhileOneFieldIsAskedAgain_DoesNotLeaveTheField()
    {
        var chat = new FlowHarness(Flow(), Coordinator(), await SeedAsync());
        await chat.StartAsync();
        await chat.PressAsync(chat.Button("✏️ Palu"));
        await chat.PressAsync(chat.Button("✏️ Wilayah"));

        Assert.False(await chat.BackAsync());

        Assert.Equal(nameof(CohortState.EditingField), chat.Conversation.State);
        await chat.TextAsync("Kabupaten Sigi");
        Assert.Contains("• Wilayah: Kabupaten Sigi", chat.LastReply.Text);
    }

    [Fact]
    public async Task StaleButtons_AtTheSummary_AreAnsweredAsStale_AndChangeNothing()
    {
        var chat = new FlowHarness(Flow(), Coordinator(), await SeedAsync());
        await chat.StartAsync();
        var newCohort = chat.Button("➕ Kohort baru");
        await chat.PressAsync(chat.Button("✏️ Palu"));
        var draft = Draft(chat);

        foreach (var data in new[] { newCohort, "ch:field:no_such_question", "ch:timezone:wit" })
        {
            await chat.PressAsync(data);
            Assert.StartsWith(Stale, chat.LastReply.Text);
            Assert.Equal(nameof(CohortState.Summary), chat.Conversation.State);
        }

        Assert.Equal(draft.Form.Answers, Draft(chat).Form.Answers);
        Assert.Empty(await chat.Store.AllAsync<AuditEntry>(CancellationToken.None));
    }

    [Fact]
    public async Task ANewCohortFromTheList_StartsTheFormAtItsFirstQuestion_WithNothingOfTheListedCohorts()
    {
        var chat = new FlowHarness(Flow(), Coordinator(), await SeedAsync());
        await chat.StartAsync();

        await chat.PressAsync(chat.Button("➕ Kohort baru"));

        Assert.Contains("Nama kohort?", chat.LastReply.Text);
        Assert.Equal(nameof(CohortState.Answering), chat.Conversation.State);
        await chat.TextAsync("Pendampingan Donggala");
        Assert.Equal(["name"], Draft(chat).Form.Answers.Keys);
        Assert.Null(Draft(chat).EditedCohortId);
    }

    [Fact]
    public async Task Help_RepeatsTheStepsQuestion_AndTextAtTheListGetsTheListAgain()
    {
        var chat = new FlowHarness(Flow(), Coordinator(), await SeedAsync());
        await chat.StartAsync();
        await chat.TextAsync("Palu");
        Assert.Contains("Pilih kohort", chat.LastReply.Text);
        Assert.Equal("ch:edit:c1", chat.Button("✏️ Palu"));

        await chat.PressAsync(chat.Button("✏️ Palu"));
        await chat.HelpAsync();
        Assert.Contains("• IKM/pendamping: 5", chat.LastReply.Text);
        Assert.Equal("ch:save", chat.Button("💾 Simpan"));

        await chat.PressAsync(chat.Button("✏️ Lama (bulan)"));
        await chat.HelpAsync();
        Assert.Contains("Lama pendampingan (bulan)?", chat.LastReply.Text);
        Assert.Equal(nameof(CohortState.EditingField), chat.Conversation.State);
    }

    [Fact]
    public async Task AFreeTextFieldEdited_IsAuditedWithoutItsValues_AndAnUnchangedFieldNotAtAll()
    {
        var chat = new FlowHarness(Flow(), Coordinator(), await SeedAsync());
        await chat.StartAsync();
        await chat.PressAsync(chat.Button("✏️ Palu"));
        await chat.PressAsync(chat.Button("✏️ Nama"));
        await chat.TextAsync("Pendampingan Palu Baru");
        await chat.PressAsync(chat.Button("✏️ Lama (bulan)"));
        await chat.TextAsync("6");
        await chat.PressAsync(chat.Button("💾 Simpan"));

        Assert.Contains("Kohort \"Pendampingan Palu Baru\" diperbarui", chat.LastReply.Text);
        var edited = Assert.Single(await chat.Store.AllAsync<AuditEntry>(CancellationToken.None));
        Assert.Equal((AuditAction.CohortEdited, "name", null, null), (edited.Action, edited.Field, edited.OldValue, edited.NewValue));
    }

    [Fact]
    public async Task SomeoneWhoIsNoCoordinator_IsToldSo_AndTheFlowEnds()
    {
        var chat = new FlowHarness(Flow(), new Member { UserId = FlowHarness.ChatId, ChatId = FlowHarness.ChatId, Role = MemberRole.Mentor });

        await chat.StartAsync();

        Assert.Contains("hanya untuk koordinator", chat.LastReply.Text);
        Assert.Equal("", chat.Conversation.Flow);
    }

    [Fact]
    public async Task ACoordinatorWhoLostTheRoleHalfWay_IsToldSo_AndNothingOfTheFormIsKept()
    {
        var chat = new FlowHarness(Flow(), Coordinator());
        await chat.StartAsync();
        await chat.TextAsync("Pendampingan IKM Palu 2026");
        Assert.Contains("draft:cohort", chat.Conversation.Data.Keys);

        chat.Member!.Role = MemberRole.Mentor;
        await chat.TextAsync("Kota Palu");

        Assert.Contains("hanya untuk koordinator", chat.LastReply.Text);
        Assert.Equal("", chat.Conversation.Flow);
        Assert.DoesNotContain("draft:cohort", chat.Conversation.Data.Keys);
        Assert.Empty(await chat.Store.AllAsync<Cohort>(CancellationToken.None));
    }

    private CohortFlow Flow() => new(TestCatalog.Instance, new QuestionPrompter(), _log);

    private static Member Coordinator() => new() { UserId = FlowHarness.ChatId, ChatId = FlowHarness.ChatId, Role = MemberRole.Coordinator };

    private static CohortDraft Draft(FlowHarness chat) =>
        System.Text.Json.JsonSerializer.Deserialize<CohortDraft>(chat.Conversation.Data["draft:cohort"])!;

    /// <summary>Two cohorts; the harness's user coordinates Palu only.</summary>
    private static async Task<InMemoryStore> SeedAsync()
    {
        var store = new InMemoryStore();
        var palu = new Cohort
        {
            Id = "c1", Name = "Palu", Region = "Kota Palu", TimeZoneId = "Asia/Makassar", StartDate = new DateOnly(2026, 12, 1),
            Commodities = ["abon ikan"], CreatedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
        };
        var lombok = new Cohort { Id = "c2", Name = "Lombok", Region = "Lombok Timur", StartDate = new DateOnly(2027, 3, 1), Commodities = ["tenun"] };
        var staff = new CohortStaff { Id = CohortStaff.IdFor("c1", FlowHarness.ChatId), CohortId = "c1", UserId = FlowHarness.ChatId, Role = MemberRole.Coordinator };
        await store.CommitAsync([new ChangeSet { Documents = [new(palu), new(lombok), new(staff)] }], CancellationToken.None);
        return store;
    }
}
