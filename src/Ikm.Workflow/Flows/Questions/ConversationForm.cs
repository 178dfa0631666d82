using Ikm.Workflow.Engine;
using Ikm.Workflow.Questionnaires;
using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Flows.Questions;

public enum FormStep
{
    /// <summary>The answer was stored and the next question asked.</summary>
    Next,
    /// <summary>The answer was stored and every relevant question is answered.</summary>
    Completed,
    /// <summary>Nothing stored; the question was asked again (refused answer, stale button, toggled choice).</summary>
    Repeated,
}

/// <summary>
/// A questionnaire whose answers live in the conversation's data under a prefix ("ch.a.name"), so a form survives
/// restarts and /batal without a document of its own. Used by the cohort form and the visit logbook.
/// </summary>
public sealed class ConversationForm(QuestionPrompter prompter, Questionnaire questionnaire, string prefix)
{
    private string CurrentKey => prefix + ".q";
    private string AnswerPrefix => prefix + ".a.";

    public Dictionary<string, string> Answers(TurnContext context) =>
        context.Conversation.Data.Where(kv => kv.Key.StartsWith(AnswerPrefix, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key[AnswerPrefix.Length..], kv => kv.Value);

    public QuestionnaireSession Session(TurnContext context) => new(questionnaire, Answers(context));

    /// <summary>The answers of the questions relevant now, by question id.</summary>
    public IReadOnlyDictionary<string, string> Relevant(TurnContext context) => Session(context).RelevantAnswers();

    /// <summary>Asks the first unanswered question; false when everything is answered.</summary>
    public bool AskNext(TurnContext context)
    {
        var next = Session(context).FirstUnanswered();
        if (next is null) return false;
        context.Conversation.Data[CurrentKey] = next.Id;
        AskCurrent(context, preface: null);
        return true;
    }

    /// <summary>Asks a given question (an edit from a summary card, the last question on /kembali from the summary).</summary>
    public void Ask(TurnContext context, string questionId)
    {
        context.Conversation.Data[CurrentKey] = questionId;
        AskCurrent(context, preface: null);
    }

    public void AskCurrent(TurnContext context, string? preface)
    {
        if (context.Conversation.Data.GetValueOrDefault(CurrentKey) is not { } id || questionnaire.FindQuestion(id) is not { } question) return;
        var session = Session(context);
        var current = session.Answers.TryGetValue(id, out var stored) ? QuestionAnswer.Display(question, stored, context.Language) : null;
        prompter.Ask(context, prefix, question, session.Progress(id), current, preface);
    }

    /// <summary>/kembali: the previous answered question; false at the first.</summary>
    public bool Back(TurnContext context)
    {
        if (Session(context).Previous(context.Conversation.Data.GetValueOrDefault(CurrentKey)) is not { } previous) return false;
        context.Conversation.Data[CurrentKey] = previous.Id;
        AskCurrent(context, preface: null);
        return true;
    }

    /// <summary>Reads the message as the answer to the current question; stores it and asks the next one.</summary>
    public FormStep Handle(TurnContext context)
    {
        if (context.Conversation.Data.GetValueOrDefault(CurrentKey) is not { } id || questionnaire.FindQuestion(id) is not { } question)
            return AskNext(context) ? FormStep.Repeated : FormStep.Completed;

        switch (prompter.Interpret(context, prefix, question, Answers(context)))
        {
            case Interpretation.Answer answer:
                context.Conversation.Data[AnswerPrefix + question.Id] = answer.Value;
                QuestionPrompter.ClearSelection(context, prefix, question.Id);
                return AskNext(context) ? FormStep.Next : FormStep.Completed;
            case Interpretation.Refused refused:
                AskCurrent(context, refused.Reply);
                return FormStep.Repeated;
            case Interpretation.Toggled:
                AskCurrent(context, preface: null);
                return FormStep.Repeated;
            default:
                AskCurrent(context, context.T(QuestionTexts.StaleQuestion));
                return FormStep.Repeated;
        }
    }

    /// <summary>Forgets the form's answers (after they were turned into a document).</summary>
    public void Clear(TurnContext context)
    {
        foreach (var key in context.Conversation.Data.Keys.Where(k => k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList())
            context.Conversation.Data.Remove(key);
    }
}
