using Ikm.Workflow.Conversations;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Flows.OwnerData;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Questionnaires;
using Ikm.Workflow.Storage;
using Ikm.Workflow.Tests.Support;
using Ikm.Workflow.Texts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ikm.Workflow.Tests.Engine;

/// <summary>The engine routes by what flows and views declare: a new way in needs no change to the engine.</summary>
public sealed class EntryRouteTests
{
    private readonly InMemoryStore _store = new();

    [Fact]
    public async Task ADeclaredRoute_OpensByItsButtonAndItsCommand_ForItsRoleOnly()
    {
        var opened = new List<string>();
        var engine = Engine(new TestRoutes(new EntryRoute(MemberRole.Mentor, context => { opened.Add(context.Message.ButtonData ?? context.Message.Command!); return Task.CompletedTask; })
        {
            Buttons = ["menu:tes", "tes:lama"], Commands = ["tes"], Help = new Text("tes", "test"),
        }));

        await TurnAsync(engine, MemberRole.Mentor, m => m with { Kind = IncomingKind.Button, ButtonData = "menu:tes" });
        await TurnAsync(engine, MemberRole.Mentor, m => m with { Kind = IncomingKind.Button, ButtonData = "tes:lama" });
        await TurnAsync(engine, MemberRole.Mentor, m => m with { Kind = IncomingKind.Command, Text = "/tes" });
        var refused = await TurnAsync(engine, MemberRole.Owner, m => m with { Kind = IncomingKind.Command, Text = "/tes" });

        Assert.Equal(["menu:tes", "tes:lama", "tes"], opened);
        Assert.Equal(Ikm.Workflow.Mentoring.ProgramTexts.MentorsOnly.In("id"), Assert.Single(refused.Outgoing).Text);
    }

    [Fact]
    public void TwoRoutesDeclaringOneButton_StopTheStart()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Engine(new TestRoutes(new EntryRoute(null, _ => Task.CompletedTask) { Buttons = [MenuPresenter.CheckInButton] })));

        Assert.Contains(MenuPresenter.CheckInButton, error.Message);
    }

    [Theory]
    [InlineData(MemberRole.Owner)]
    [InlineData(MemberRole.Mentor)]
    [InlineData(MemberRole.Coordinator)]
    public async Task EveryMenuButton_LeadsSomewhere(MemberRole role)
    {
        var engine = Engine();
        var menu = Assert.Single((await TurnAsync(engine, role, m => m with { Kind = IncomingKind.Command, Text = "/menu" })).Outgoing);

        foreach (var button in menu.Buttons!.SelectMany(row => row))
        {
            var reply = await TurnAsync(engine, role, m => m with { Kind = IncomingKind.Button, ButtonData = button.Data });
            Assert.DoesNotContain(reply.Outgoing, o => o.Text == CommonTexts.StaleButton.In("id"));
            Assert.NotEmpty(reply.Outgoing);
        }
    }

    private ConversationEngine Engine(params IRouteOwner[] extra)
    {
        var services = WorkflowServices.Over(_store);
        foreach (var owner in extra) services.AddSingleton(owner);
        return services.BuildServiceProvider().GetRequiredService<ConversationEngine>();
    }

    private async Task<TurnContext> TurnAsync(ConversationEngine engine, MemberRole role, Func<IncomingMessage, IncomingMessage> shape)
    {
        var message = shape(new IncomingMessage { UpdateId = 1, ChatId = 5, UserId = 5, Kind = IncomingKind.Text });
        var member = new Member { UserId = 5, ChatId = 5, Role = role };
        var context = new TurnContext(message, Conversation.New(5, 5, "id"), member, new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero), new BotOptions(),
            new ChatWork(_store, CancellationToken.None, _store));
        await engine.HandleAsync(context);
        return context;
    }

    private sealed class TestRoutes(EntryRoute route) : IRouteOwner
    {
        public IEnumerable<EntryRoute> Routes => [route];
    }
}
