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

    [Fact]
    public void ACommandWithoutAHelpLine_StopsTheStart()
    {
        var services = WorkflowServices.Over(_store).AddSingleton<IRouteOwner>(new Silent()).BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<ConversationEngine>());

        Assert.Contains("/diam", error.Message);
    }

    private static string Word(EntryRoute route, string language) =>
        language == "en" && route.Commands.Count > 1 ? route.Commands[1] : route.Commands[0];

    private async Task<string> HelpAsync(ConversationEngine engine, MemberRole role, string language)
    {
        var message = new IncomingMessage { UpdateId = 1, ChatId = 5, UserId = 5, Kind = IncomingKind.Command, Text = language == "en" ? "/help" : "/bantuan" };
        var member = role == MemberRole.None ? null : new Member { UserId = 5, ChatId = 5, Role = role };
        var context = new TurnContext(message, Conversation.New(5, 5, language), member, WorkflowServices.Now, new BotOptions(),
            new ChatWork(_store, CancellationToken.None, _store));
        await engine.HandleAsync(context);
        return Assert.Single(context.Outgoing).Text!;
    }

    private sealed class Silent : IRouteOwner
    {
        public IEnumerable<EntryRoute> Routes => [new(null, _ => Task.CompletedTask) { Commands = ["diam"] }];
    }
}
