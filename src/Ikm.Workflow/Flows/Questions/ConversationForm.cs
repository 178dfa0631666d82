using Ikm.Workflow.Engine;
using Ikm.Workflow.Questionnaires;

namespace Ikm.Workflow.Flows.Questions;

/// <summary>
/// The <see cref="QuestionnaireRunner"/> over answers kept in the conversation's data under a prefix
/// (<see cref="ConversationDataAnswers"/>): for the flows not yet on the kernel's typed drafts.
/// </summary>
public sealed class ConversationForm(QuestionPrompter prompter, Questionnaire questionnaire, string prefix)
{
    private readonly QuestionnaireRunner _runner = new(prompter, questionnaire, prefix);

    private ConversationDataAnswers Sink(TurnContext context) => new(context.Conversation, prefix);

    public IReadOnlyDictionary<string, string> Answers(TurnContext context) => Sink(context).Answers;

    public QuestionnaireSession Session(TurnContext context) => _runner.Session(Sink(context));

    public IReadOnlyDictionary<string, string> Relevant(TurnContext context) => _runner.Relevant(Sink(context));

    public bool AskNext(TurnContext context) => _runner.AskNext(context, Sink(context));

    public void Ask(TurnContext context, string questionId) => _runner.Ask(context, Sink(context), questionId);

    public void AskCurrent(TurnContext context, string? preface) => _runner.AskCurrent(context, Sink(context), preface);

    public bool Back(TurnContext context) => _runner.Back(context, Sink(context));

    public FormStep Handle(TurnContext context) => _runner.Handle(context, Sink(context));

    /// <summary>Forgets the form's answers (after they were turned into a document).</summary>
    public void Clear(TurnContext context) => Sink(context).Clear();
}
