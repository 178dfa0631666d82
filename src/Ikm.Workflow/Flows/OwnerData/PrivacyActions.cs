using Ikm.Workflow.Engine;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.Options;

namespace Ikm.Workflow.Flows.OwnerData;

/// <summary>/privasi: what is kept, why, for how long (the configured retention periods) and who sees it — for anyone, any time.</summary>
public sealed class PrivacyActions(IOptions<RetentionOptions> retention) : IActionHandler, IRouteOwner
{
    public IReadOnlyList<string> ButtonPrefixes { get; } = [];

    public IEnumerable<EntryRoute> Routes => [new(null, HandleAsync) { Commands = ["privasi", "privacy"], Help = OwnerDataTexts.PrivacyHelp }];

    public Task HandleAsync(TurnContext context)
    {
        context.Reply(context.T(OwnerDataTexts.Privacy, retention.Value.OutboxDays, retention.Value.DraftDays));
        return Task.CompletedTask;
    }
}
