using Ikm.Workflow.Documents;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ikm.Workflow.Tests.Support;

/// <summary>The workflow's services over an in-memory store, every port a test does not care about filled in; a test adds what it records after.</summary>
public static class WorkflowServices
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    public static IServiceCollection Over(InMemoryStore store, BotOptions? options = null, IOutboxNotifier? notifier = null, IReportQueue? reports = null) =>
        new ServiceCollection()
            .AddIkmWorkflow()
            .AddSingleton<IBotStore>(store)
            .AddSingleton<IDocumentStore>(store)
            .AddSingleton<IQuestionnaireCatalog>(TestCatalog.Instance)
            .AddSingleton<IOwnerDataExporter>(new NoExporter())
            .AddSingleton<IProgramReports>(new NoReports())
            .AddSingleton(reports ?? new RecordingReportQueue())
            .AddSingleton(notifier ?? new SilentNotifier())
            .AddSingleton<TimeProvider>(new FakeTimeProvider(Now))
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton(Options.Create(options ?? new BotOptions()));

    private sealed class SilentNotifier : IOutboxNotifier
    {
        public void Notify(IReadOnlyList<OutgoingMessage> committed)
        {
        }
    }
}
