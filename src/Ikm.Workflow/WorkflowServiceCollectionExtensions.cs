using Ikm.Workflow.Engine;
using Ikm.Workflow.Flows.Cohorts;
using Ikm.Workflow.Flows.Diagnosis;
using Ikm.Workflow.Flows.Evaluations;
using Ikm.Workflow.Mentoring.Actions;
using Ikm.Workflow.Flows.Onboarding;
using Ikm.Workflow.Flows.OwnerData;
using Ikm.Workflow.Flows.Questions;
using Ikm.Workflow.Flows.Registration;
using Ikm.Workflow.Flows.Visits;
using Ikm.Workflow.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ikm.Workflow;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>The conversation engine, its flows and the update pipeline. Needs an IBotStore, IDocumentStore, IOutboxNotifier, IQuestionnaireCatalog, IOwnerDataExporter and a TimeProvider.</summary>
    public static IServiceCollection AddIkmWorkflow(this IServiceCollection services)
    {
        services.AddSingleton<MenuPresenter>();
        services.AddSingleton<Businesses.SentraLabels>();
        services.TryAddSingleton<ISentFileCopies, NoSentFileCopies>();
        services.AddSingleton<QuestionPrompter>();
        AddRoutes<OwnerDataService>(services);
        services.AddSingleton<OwnerErasure>();
        AddFlow<OnboardingFlow>(services);
        AddFlow<RegistrationFlow>(services);
        AddFlow<DiagnosisFlow>(services);
        AddFlow<EraseFlow>(services);
        AddFlow<CohortFlow>(services);
        AddFlow<Flows.Visits.CheckIn.CheckInFlow>(services);
        AddFlow<Flows.Visits.CheckOut.CheckOutFlow>(services);
        AddFlow<Flows.Visits.Retro.RetroVisitFlow>(services);
        AddFlow<Flows.Visits.Correction.VisitCorrectionFlow>(services);
        AddAction<Flows.Visits.Correction.VisitCorrectionActions>(services);
        AddFlow<EvaluationFlow>(services);
        AddRoutes<OwnerVisitsView>(services);
        AddRoutes<MentorIkmsView>(services);
        AddRoutes<QuestionnaireSwitch>(services);
        AddAction<PrivacyActions>(services);
        services.AddSingleton<BotIdentity>();
        services.AddOptions<QuietHours>();
        services.AddSingleton<NotificationWriter>();
        AddAction<InviteActions>(services);
        AddAction<ApprovalActions>(services);
        AddAction<AssignmentActions>(services);
        AddAction<ReportActions>(services);
        AddAction<AuditActions>(services);
        AddAction<Mentoring.Cards.IkmCardActions>(services);
        AddAction<MentorContactActions>(services);
        services.AddSingleton<PrivateChatGate>();
        services.AddSingleton<ChatFloodGuard>();
        services.AddSingleton<IAuditLog, Audit.StoreAuditLog>();
        services.AddSingleton<ConversationEngine>();
        services.AddSingleton<UpdatePipeline>();
        services.AddSingleton<UpdateIntake>();
        return services;
    }

    private static void AddAction<TAction>(IServiceCollection services)
        where TAction : class, IActionHandler
    {
        services.AddSingleton<TAction>();
        services.AddSingleton<IActionHandler>(sp => sp.GetRequiredService<TAction>());
        if (typeof(IRouteOwner).IsAssignableFrom(typeof(TAction)))
            services.AddSingleton(sp => (IRouteOwner)sp.GetRequiredService<TAction>());
    }

    private static void AddFlow<TFlow>(IServiceCollection services)
        where TFlow : class, IFlow
    {
        services.AddSingleton<TFlow>();
        services.AddSingleton<IFlow>(sp => sp.GetRequiredService<TFlow>());
        if (typeof(IRouteOwner).IsAssignableFrom(typeof(TFlow)))
            services.AddSingleton(sp => (IRouteOwner)sp.GetRequiredService<TFlow>());
    }

    /// <summary>A view or command that is not a conversation but declares its ways in (a menu button, a command word).</summary>
    private static void AddRoutes<TOwner>(IServiceCollection services)
        where TOwner : class, IRouteOwner
    {
        services.AddSingleton<TOwner>();
        services.AddSingleton<IRouteOwner>(sp => sp.GetRequiredService<TOwner>());
    }
}
