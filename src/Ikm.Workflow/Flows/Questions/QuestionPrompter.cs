using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Questionnaires;
using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Flows.Questions;

/// <summary>What an incoming message meant for the question being asked.</summary>
public abstract record Interpretation
{
    /// <summary>A valid answer, ready to store.</summary>
    public sealed record Answer(string Value) : Interpretation;

    /// <summary>Refused: the reply says why and what is expected; nothing is stored.</summary>
    public sealed record Refused(string Reply) : Interpretation;

    /// <summary>A multi-select choice toggled; the question is shown again with the new selection.</summary>
    public sealed record Toggled : Interpretation;

    /// <summary>A button of another question or flow: answered politely, nothing changes.</summary>
    public sealed record Stale : Interpretation;
}

/// <summary>
/// Asks questionnaire questions in a chat and reads the answers: buttons for choices (value in the callback data,
/// "prefix:question:value", so a button from an earlier question is recognised as stale), a location or contact key
/// where the question wants one, a "Lewati" button for optional questions, multi-select by toggling.
/// Shared by every questionnaire-driven flow (registration, diagnosis, evaluation…).
/// </summary>
public sealed class QuestionPrompter
{
    private const string SkipValue = "~skip";
    private const string DoneValue = "~done";

    /// <param name="current">The stored answer, shown when the question is asked again (edit, /kembali).</param>
    /// <param name="preface">Said before the question in the same message (why the last answer was refused…).</param>
    /// <param name="intro">What the question is about, above it (the area being evaluated and its figures).</param>
    public void Ask(TurnContext context, string prefix, Question question, IAnswerSink sink, QuestionnaireProgress? progress,
        string? current = null, string? preface = null, string? intro = null)
    {
        var language = context.Language;
        var lines = new List<string>();
        if (preface is not null)
        {
            lines.Add("⚠️ " + preface);
            lines.Add("");
        }

        if (intro is not null) lines.Add(intro);

        if (progress is not null)
            lines.Add(context.T(QuestionTexts.Progress, progress.Position, progress.Total));
        lines.Add("❓ " + question.Label.Get(language));
        if (question.Hint is { } hint)
            lines.Add("💡 " + hint.Get(language));
        if (current is { Length: > 0 })
            lines.Add("✏️ " + current);

        IReadOnlyList<IReadOnlyList<Button>>? buttons = null;
        IReadOnlyList<IReadOnlyList<KeyboardKey>>? keyboard = null;
        switch (question.Type)
        {
            case QuestionType.SelectOne or QuestionType.YesNo:
                buttons = ChoiceRows(prefix, question, language, selected: null);
                break;
            case QuestionType.SelectMultiple:
                lines.Add(context.T(QuestionTexts.MultiHint));
                buttons = [.. ChoiceRows(prefix, question, language, sink.Ticked(question.Id)), [new Button(context.T(QuestionTexts.Done), Data(prefix, question.Id, DoneValue))]];
                break;
            case QuestionType.Location:
                lines.Add(context.T(QuestionTexts.LocationHint));
                keyboard = [[new KeyboardKey(context.T(QuestionTexts.ShareLocation), RequestLocation: true)]];
                break;
            case QuestionType.Phone:
                lines.Add(context.T(QuestionTexts.PhoneHint));
                keyboard = [[new KeyboardKey(context.T(QuestionTexts.ShareContact), RequestContact: true)]];
                break;
            case QuestionType.Photo:
                lines.Add(context.T(QuestionTexts.PhotoHint));
                break;
        }

        if (!question.Required && question.Type != QuestionType.SelectMultiple)
        {
            if (question.Type is QuestionType.Location or QuestionType.Phone)
                keyboard = [[.. keyboard![0], new KeyboardKey(context.T(QuestionTexts.Skip))]];
            else
                buttons = [.. buttons ?? [], [new Button(question.SkipLabel?.Get(language) ?? context.T(QuestionTexts.Skip), Data(prefix, question.Id, SkipValue))]];
        }

        context.Reply(string.Join("\n", lines), buttons, keyboard, removeKeyboard: keyboard is null);
    }

    /// <summary>The member's date today: in the zone the form itself names (a cohort's), else Western Indonesia's.</summary>
    private static DateOnly Today(TurnContext context, IReadOnlyDictionary<string, string> answers) =>
        IndonesianTimeZones.Today(context.Now, answers.GetValueOrDefault("timezone"));

    /// <summary>Names the question's own "none" choice ("Belum ada") when it has one, as its button does.</summary>
    private static string NothingSelected(TurnContext context, Question question) =>
        question.FindChoice("none") is { } none
            ? context.T(QuestionTexts.NothingSelectedOrNone, none.Label.Get(context.Language))
            : context.T(QuestionTexts.NothingSelected);

    /// <summary>Reads the message as an answer to <paramref name="question"/>; keeps multi-select toggles in the sink.</summary>
    public Interpretation Interpret(TurnContext context, string prefix, Question question, IAnswerSink sink)
    {
        var answers = sink.Answers;
        var message = context.Message;
        var language = context.Language;
        switch (message.Kind)
        {
            case IncomingKind.Button:
                return InterpretButton(context, prefix, question, sink);
            case IncomingKind.Location when message.Location is { } point:
                return From(QuestionAnswer.FromLocation(question, point.Latitude, point.Longitude, language));
            case IncomingKind.Photo when message.PhotoFileId is { } fileId:
                return From(QuestionAnswer.FromPhoto(question, fileId, language));
            case IncomingKind.Contact when message.Contact is { } contact:
                return question.Type == QuestionType.Phone
                    ? From(QuestionAnswer.Parse(question, contact.PhoneNumber, language, answers))
                    : new Interpretation.Refused(QuestionnaireTexts.ExpectedAnswer(question, language));
            default:
                var text = message.Text ?? "";
                if (question.Type == QuestionType.SelectMultiple && sink.Ticked(question.Id).Count > 0 && IsSkipWord(text))
                    return new Interpretation.Refused(NothingSelected(context, question));
                return From(QuestionAnswer.Parse(question, text, language, answers, Today(context, answers)));
        }
    }

    private Interpretation InterpretButton(TurnContext context, string prefix, Question question, IAnswerSink sink)
    {
        var answers = sink.Answers;
        var data = context.Message.ButtonData ?? "";
        var parts = data.Split(':', 3);
        if (parts.Length != 3 || parts[0] != prefix || parts[1] != question.Id)
            return new Interpretation.Stale();

        var value = parts[2];
        if (value == SkipValue)
            return question.Required ? new Interpretation.Stale() : new Interpretation.Answer("");

        if (question.Type == QuestionType.SelectMultiple)
        {
            var selected = sink.Ticked(question.Id).ToList();
            if (value == DoneValue)
            {
                return selected.Count == 0
                    ? new Interpretation.Refused(NothingSelected(context, question))
                    : From(QuestionAnswer.Parse(question, string.Join(' ', selected), context.Language, answers));
            }

            if (question.FindChoice(value) is null)
                return new Interpretation.Stale();
            if (!selected.Remove(value))
                selected.Add(value);
            sink.SetTicked(question.Id, selected);
            return new Interpretation.Toggled();
        }

        return question.FindChoice(value) is null
            ? new Interpretation.Stale()
            : From(QuestionAnswer.Parse(question, value, context.Language, answers));
    }

    private static Interpretation From(AnswerResult result) =>
        result.IsValid ? new Interpretation.Answer(result.Value) : new Interpretation.Refused(result.Error);

    private static bool IsSkipWord(string text) => QuestionnaireTexts.SkipWords.Contains(text.Trim());

    private static IReadOnlyList<IReadOnlyList<Button>> ChoiceRows(string prefix, Question question, string language, IReadOnlyList<string>? selected)
    {
        var buttons = question.Choices
            .Select(c => new Button((selected?.Contains(c.Value) == true ? "✅ " : "") + c.Label.Get(language), Data(prefix, question.Id, c.Value)))
            .ToList();
        // A scale (every label a number, 1–5) reads as one row.
        if (buttons.Count <= 5 && question.Choices.All(c => c.Label.Get(language).All(char.IsAsciiDigit)))
            return [buttons];
        // Short labels two to a row; long ones alone, so they are readable on a small screen.
        var rows = new List<IReadOnlyList<Button>>();
        for (var i = 0; i < buttons.Count; i++)
        {
            if (buttons[i].Label.Length <= 14 && i + 1 < buttons.Count && buttons[i + 1].Label.Length <= 14)
            {
                rows.Add([buttons[i], buttons[i + 1]]);
                i++;
            }
            else
            {
                rows.Add([buttons[i]]);
            }
        }

        return rows;
    }

    private static string Data(string prefix, string questionId, string value) => $"{prefix}:{questionId}:{value}";
}
