using Ikm.Workflow.Audit;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Members;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Questionnaires;
using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Flows.Diagnosis;

/// <summary>
/// /kuesioner file.yaml: points new diagnoses at another questionnaire file, if it is valid. The switch holds for
/// every cohort, so only a program-wide administrator may make it; a cohort's coordinator is told so.
/// </summary>
public sealed class QuestionnaireSwitch(IQuestionnaireCatalog catalog) : IRouteOwner
{
    public IEnumerable<EntryRoute> Routes => [new(MemberRole.Coordinator, Use) { Commands = ["kuesioner", "questionnaire"], Help = CommonTexts.QuestionnaireHelp }];

    private Task Use(TurnContext context)
    {
        if (context.Member?.Role != MemberRole.Coordinator && !ProgramDirectory.IsAdministrator(context))
            context.Reply(context.T(CommonTexts.CoordinatorsOnly));
        // Any coordinator may see which questionnaire is in use (their /bantuan says so); switching it changes every cohort.
        else if (!ProgramDirectory.IsAdministrator(context) && context.Message.CommandArgument is null)
            context.Reply(context.T(CommonTexts.QuestionnaireInUse, catalog.Diagnosis.Id, catalog.Diagnosis.Version));
        else if (!ProgramDirectory.IsAdministrator(context))
            context.Reply(context.T(ProgramTexts.AdministratorsOnly));
        // Only a plain file name of the questionnaires folder: anything else is answered with the usage, not echoed.
        else if (context.Message.CommandArgument is not { } fileName || !IsPlainFileName(fileName))
            context.Reply(context.T(CommonTexts.QuestionnaireUsage, catalog.Diagnosis.Id, catalog.Diagnosis.Version));
        else
            Switch(context, fileName);
        return Task.CompletedTask;
    }

    private void Switch(TurnContext context, string fileName)
    {
        var former = catalog.Diagnosis;
        var result = catalog.TryUseDiagnosis(fileName);
        if (result.IsSuccess)
        {
            var questionnaire = result.Questionnaire!;
            AuditTrail.Record(context, AuditAction.QuestionnaireSwitched, "", [AuditEntry.Target("questionnaire", questionnaire.Id)],
                "diagnosis", $"{former.Id} {former.Version}", $"{questionnaire.Id} {questionnaire.Version}");
            context.Reply(context.T(CommonTexts.QuestionnaireSwitched, questionnaire.Title.Get(context.Language), questionnaire.Id, questionnaire.Version, questionnaire.Questions.Count));
            return;
        }

        var errors = result.Errors.Take(10).Select(e => "• " + e.Describe(context.Language));
        context.Reply(context.T(CommonTexts.QuestionnaireRefused, fileName, catalog.Diagnosis.Id) + "\n" + string.Join("\n", errors));
    }

    private static bool IsPlainFileName(string name) =>
        name.Length <= Echo.MaxLength && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
}
