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
/// The engine of questionnaires/*.yaml in a chat: asks the first unanswered relevant question, reads the answer
/// (<see cref="QuestionPrompter"/>), stores it in the sink the flow chose, goes back on /kembali. One runner for every
/// questionnaire-driven step (registration, diagnosis, cohort, logbook, evaluation).
/// </summary>
public sealed class QuestionnaireRunner(QuestionPrompter prompter, Questionnaire questionnaire, string prefix)
{
    public Questionnaire Questionnaire { get; } = questionnaire;

    public QuestionnaireSession Session(IAnswerSink sink) => new(Questionnaire, sink.Answers, sink.FromProfile);

    /// <summary>The answers of the questions relevant now, by question id.</summary>
    public IReadOnlyDictionary<string, string> Relevant(IAnswerSink sink) => Session(sink).RelevantAnswers();

    /// <summary>Asks the first unanswered question; false when everything is answered.</summary>
    /// <param name="intro">Said above the question in the same message (what is being asked about).</param>
    public bool AskNext(TurnContext context, IAnswerSink sink, string? intro = null)
    {
        var next = Session(sink).FirstUnanswered();
        if (next is null) return false;
        sink.Current = next.Id;
        AskCurrent(context, sink, preface: null, intro);
        return true;
    }

    /// <summary>Asks a given question (an edit from a summary card, the last question on /kembali from the summary).</summary>
    public void Ask(TurnContext context, IAnswerSink sink, string questionId)
    {
        sink.Current = questionId;
        AskCurrent(context, sink, preface: null);
    }

    public void AskCurrent(TurnContext context, IAnswerSink sink, string? preface, string? intro = null)
    {
        if (sink.Current is not { } id || Questionnaire.FindQuestion(id) is not { } question) return;
        var session = Session(sink);
        var current = session.Answers.TryGetValue(id, out var stored) ? QuestionAnswer.Display(question, stored, context.Language) : null;
        prompter.Ask(context, prefix, question, sink, session.Progress(id), current, preface, intro);
    }

    /// <summary>/kembali: the previous answered question; false at the first.</summary>
    public bool Back(TurnContext context, IAnswerSink sink)
    {
        if (Session(sink).Previous(sink.Current) is not { } previous) return false;
        sink.Current = previous.Id;
        AskCurrent(context, sink, preface: null);
        return true;
    }

    /// <summary>Reads the message as the answer to the current question; stores it and asks the next one.</summary>
    public FormStep Handle(TurnContext context, IAnswerSink sink)
    {
        if (sink.Current is not { } id || Questionnaire.FindQuestion(id) is not { } question)
            return AskNext(context, sink) ? FormStep.Repeated : FormStep.Completed;

        switch (prompter.Interpret(context, prefix, question, sink))
        {
            case Interpretation.Answer answer:
                sink.Store(question.Id, answer.Value);
                return AskNext(context, sink) ? FormStep.Next : FormStep.Completed;
            case Interpretation.Refused refused:
                AskCurrent(context, sink, refused.Reply);
                return FormStep.Repeated;
            case Interpretation.Toggled:
                AskCurrent(context, sink, preface: null);
                return FormStep.Repeated;
            default:
                AskCurrent(context, sink, context.T(QuestionTexts.StaleQuestion));
                return FormStep.Repeated;
        }
    }
}
