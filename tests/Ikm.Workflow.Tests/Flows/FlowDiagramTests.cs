using Ikm.TestKit;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Stateless.Graph;

namespace Ikm.Workflow.Tests.Flows;

/// <summary>
/// docs/flows/*.md are generated from the Stateless machines. This test fails when a committed diagram is stale;
/// run it with IKM_WRITE_DIAGRAMS=1 to regenerate them.
/// </summary>
public sealed class FlowDiagramTests
{
    public static TheoryData<string> FlowNames()
    {
        var data = new TheoryData<string>();
        foreach (var flow in Flows()) data.Add(flow.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(FlowNames))]
    public void CommittedDiagram_MatchesTheMachine(string flowName)
    {
        var flow = Flows().Single(f => f.Name == flowName);
        var expected = Render(flow);
        var path = Path.Combine(RepositoryRoot.Path, "docs", "flows", flowName + ".md");

        if (Environment.GetEnvironmentVariable("IKM_WRITE_DIAGRAMS") == "1")
            File.WriteAllText(path, expected);

        Assert.True(File.Exists(path), $"{path} is missing; run the tests with IKM_WRITE_DIAGRAMS=1");
        Assert.Equal(expected, File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    /// <summary>A flow on the kernel names every edge: an unnamed guard or action shows as "[Function]" in the diagram.</summary>
    [Theory]
    [MemberData(nameof(FlowNames))]
    public void KernelFlowDiagram_LabelsEveryEdge(string flowName)
    {
        var flow = Flows().Single(f => f.Name == flowName);
        Assert.True(IsOnKernel(flow.GetType()), $"{flow.GetType().Name} is not written on the flow kernel.");
        Assert.DoesNotContain("Function", Render(flow));
    }

    private static bool IsOnKernel(Type? type)
    {
        for (; type is not null; type = type.BaseType)
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Ikm.Workflow.Kernel.Flow<,,>)) return true;
        return false;
    }

    private static string Render(IFlow flow) =>
        ($"# Flow `{flow.Name}`\n\nGenerated from the Stateless machine by `FlowDiagramTests` — do not edit by hand.\n\n```mermaid\n"
         + MermaidGraph.Format(flow.Describe()).ReplaceLineEndings("\n").TrimEnd()
         + "\n```\n");

    private static IEnumerable<IFlow> Flows() =>
        new ServiceCollection().AddIkmWorkflow()
            .AddSingleton<IQuestionnaireCatalog>(TestCatalog.Instance)
            .AddSingleton<IOwnerDataExporter>(new NoExporter())
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .BuildServiceProvider().GetServices<IFlow>();
}
