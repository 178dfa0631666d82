using Ikm.Workflow.Engine;
using Ikm.Workflow.Flows.Onboarding;
using Microsoft.Extensions.DependencyInjection;

namespace Ikm.Workflow;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>The conversation engine, its flows and the update pipeline. Needs an IBotStore, an IOutboxNotifier and a TimeProvider.</summary>
    public static IServiceCollection AddIkmWorkflow(this IServiceCollection services)
    {
        services.AddSingleton<MenuPresenter>();
        services.AddSingleton<OnboardingFlow>();
        services.AddSingleton<IFlow>(sp => sp.GetRequiredService<OnboardingFlow>());
        services.AddSingleton<ConversationEngine>();
        services.AddSingleton<UpdatePipeline>();
        services.AddSingleton<UpdateIntake>();
        return services;
    }
}
