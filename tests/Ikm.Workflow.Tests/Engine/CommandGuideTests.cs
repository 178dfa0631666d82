using Ikm.Workflow.Conversations;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Tests.Support;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.DependencyInjection;

namespace Ikm.Workflow.Tests.Engine;

/// <summary>/bantuan is made from the declared routes: every command of a role is in that role's guide, and no other role's.</summary>
public sealed class CommandGuideTests
{
    private readonly InMemoryStore _store = new();

    public static TheoryData<MemberRole, string> RolesAndLanguages() => new()
    {
        { MemberRole.None, "id" }, { MemberRole.Owner, "id" }, { MemberRole.Mentor, "id" }, { MemberRole.Coordinator, "id" },
        { MemberRole.None, "en" }, { MemberRole.Owner, "en" }, { MemberRole.Mentor, "en" }, { MemberRole.Coordinator, "en" },
    };

    [Theory]
    [MemberData(nameof(RolesAndLanguages))]
    public async Task Help_ListsEveryDeclaredCommandOfTheRole_AndNoneOfAnotherRole(MemberRole role, string language)
    {
        var services = WorkflowServices.Over(_store).BuildServiceProvider();
        var routes = services.GetServices<IRouteOwner>().SelectMany(o => o.Routes).Where(r => r.Commands.Count > 0).ToList();

        var help = await HelpAsync(services.GetRequiredService<ConversationEngine>(), role, language);

        foreach (var route in routes.Where(r => r.Role is null || r.Role == role))
            Assert.Contains($"/{Word(route, language)} — {route.Help!.In(language)}", help);
        foreach (var route in routes.Where(r => r.Role is { } own && own != role))
            Assert.DoesNotContain($"/{Word(route, language)} —", help);
        Assert.Contains(language == "en" ? "/cancel —" : "/batal —", help);
    }

    [Fact]
    public async Task CoordinatorHelp_NamesTheReportsInvitesApprovalsAssignmentsAndQuestionnaire()
    {
        var services = WorkflowServices.Over(_store).BuildServiceProvider();

        var help = await HelpAsync(services.GetRequiredService<ConversationEngine>(), MemberRole.Coordinator, "id");

        foreach (var command in new[] { "/ringkasan", "/ekspor", "/terlambat", "/peringkat", "/undang ", "/undangan", "/persetujuan", "/tugaskan", "/kuesioner", "/kohort" })
            Assert.Contains(command, help);
    }

    [Theory]
    [InlineData("id", "👉 Langkah berikutnya: tekan 👤 Profil usaha untuk mendaftarkan usaha Anda.")]
    [InlineData("en", "👉 Next step: press 👤 Business profile to register your business.")]
    public async Task OwnerHelp_NamesEachMenuButtonAsTheMenuShowsIt_WithWhatItIsFor_AndTheNextStep(string language, string nextStep)
    {
        var engine = WorkflowServices.Over(_store).BuildServiceProvider().GetRequiredService<ConversationEngine>();

        var help = await HelpAsync(engine, MemberRole.Owner, language);
        var menu = await ReplyAsync(engine, MemberRole.Owner, language, "/menu");

        var lines = help.Split('\n');
        foreach (var button in menu.Buttons!.SelectMany(row => row).Where(b => b.Data != MenuPresenter.HelpButton))
            Assert.Contains(lines, line => line.StartsWith(button.Label + " — ", StringComparison.Ordinal));
        Assert.Contains(nextStep, lines);
    }

    [Fact]
    public async Task AnAdministratorNotJoined_IsToldToStartAsCoordinatorWithoutAnInvite_AndOnceJoinedSeesTheQuestionnaireSwitch()
    {
        var engine = WorkflowServices.Over(_store).BuildServiceProvider().GetRequiredService<ConversationEngine>();
        var administrator = new BotOptions { Coordinators = "5" };

        var before = await HelpAsync(engine, MemberRole.None, "id", administrator);
        var joined = await HelpAsync(engine, MemberRole.Coordinator, "id", administrator);
        var coordinator = await HelpAsync(engine, MemberRole.Coordinator, "id");

        Assert.StartsWith("Anda administrator program dan belum bergabung. Ketik /start, pilih bahasa, lalu 📋 Koordinator — tanpa undangan.", before);
        Assert.DoesNotContain("lewat tautan undangan", before);
        Assert.Contains("/kuesioner namaberkas.yaml mengganti kuesioner diagnosis", joined);
        Assert.DoesNotContain("/kuesioner namaberkas.yaml", coordinator);
    }

    [Fact]
    public void ACommandWithoutAHelpLine_StopsTheStart()
    {
        var services = WorkflowServices.Over(_store).AddSingleton<IRouteOwner>(new Silent()).BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<ConversationEngine>());

        Assert.Contains("/diam", error.Message);
    }

    private static string Word(EntryRoute route, string language) =>
        language == "en" && route.Commands.Count > 1 ? route.Commands[1] : route.Commands[0];

    private async Task<string> HelpAsync(ConversationEngine engine, MemberRole role, string language, BotOptions? options = null) =>
        (await ReplyAsync(engine, role, language, language == "en" ? "/help" : "/bantuan", options)).Text!;

    private async Task<OutgoingMessage> ReplyAsync(ConversationEngine engine, MemberRole role, string language, string command, BotOptions? options = null)
    {
        var message = new IncomingMessage { UpdateId = 1, ChatId = 5, UserId = 5, Kind = IncomingKind.Command, Text = command };
        var member = role == MemberRole.None ? null : new Member { UserId = 5, ChatId = 5, Role = role };
        var context = new TurnContext(message, Conversation.New(5, 5, language), member, WorkflowServices.Now, options ?? new BotOptions(),
            new ChatWork(_store, CancellationToken.None, _store));
        await engine.HandleAsync(context);
        return Assert.Single(context.Outgoing);
    }

    private sealed class Silent : IRouteOwner
    {
        public IEnumerable<EntryRoute> Routes => [new(null, _ => Task.CompletedTask) { Commands = ["diam"] }];
    }
}
