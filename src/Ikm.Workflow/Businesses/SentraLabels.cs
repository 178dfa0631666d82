using System.Globalization;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Questionnaires;

namespace Ikm.Workflow.Businesses;

/// <summary>
/// The one lookup of a sentra/commodity as a person reads it. A business stores a value of the registration list
/// ("abon"), or words: a cohort's own sentra ("kelor") or what the owner typed under "Lainnya". Every notice, list,
/// card, warning and export shows <see cref="Of"/>, never the stored value. A cohort's list drives the registration
/// form through <see cref="RegistrationFor"/>.
/// </summary>
public sealed class SentraLabels(IQuestionnaireCatalog catalog)
{
    public const string QuestionId = "commodity";
    public const string OtherQuestionId = "commodity_other";
    public const string OtherValue = "lainnya";
    /// <summary>A cohort sentra that is not on the registration list is offered as "s1", "s2"…: button data is short ASCII.</summary>
    private const string CohortValuePrefix = "s";

    private IReadOnlyList<Choice> DefaultChoices => catalog.Registration.FindQuestion(QuestionId)?.Choices ?? [];

    /// <summary>"Abon ikan" for "abon"; the words themselves for a cohort's or a typed sentra; "-" for none.</summary>
    public string Of(string? commodity, string language)
    {
        if (string.IsNullOrWhiteSpace(commodity)) return "-";
        var choice = DefaultChoices.FirstOrDefault(c => c.Value == commodity);
        return choice is null ? commodity : choice.Label.Get(language);
    }

    /// <summary>Whether two stored sentra are one cluster as people name it ("abon" from the default list is a cohort's "abon ikan").</summary>
    public bool Same(string? first, string? second) =>
        string.Equals(Of(first, LocalizedText.DefaultLanguage).Trim(), Of(second, LocalizedText.DefaultLanguage).Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The registration form for an owner in (or invited to) a cohort: its sentra question offers the cohort's sentra
    /// (a sentra named like one of the default list keeps that value) and "Lainnya"; the default form without a list.
    /// </summary>
    public Questionnaire RegistrationFor(IReadOnlyList<string>? cohortSentra)
    {
        var form = catalog.Registration;
        if (cohortSentra is not { Count: > 0 } || form.FindQuestion(QuestionId) is not { } question) return form;
        var other = question.FindChoice(OtherValue) ?? new Choice(OtherValue, LocalizedText.Of("Lainnya", "Other"));
        var choices = cohortSentra.Select((sentra, i) =>
                DefaultChoices.FirstOrDefault(c => c.Value != OtherValue && c.Label.Matches(sentra)) is { } known
                    ? known with { Label = LocalizedText.Invariant(sentra) }
                    : new Choice(CohortValuePrefix + (i + 1).ToString(CultureInfo.InvariantCulture), LocalizedText.Invariant(sentra)))
            .DistinctBy(c => c.Value)
            .Append(other)
            .ToList();
        var questions = form.Questions.Select(q => q.Id == QuestionId ? q with { Choices = choices } : q).ToList();
        return new Questionnaire(form.Id, form.Version, form.Title, form.Areas, questions);
    }

    /// <summary>The form's answers as a business stores them: a cohort sentra ("s2") becomes its words.</summary>
    public Dictionary<string, string> ToStored(Questionnaire form, IReadOnlyDictionary<string, string> answers)
    {
        var stored = new Dictionary<string, string>(answers);
        if (stored.TryGetValue(QuestionId, out var value) && value.StartsWith(CohortValuePrefix, StringComparison.Ordinal)
            && !DefaultChoices.Any(c => c.Value == value) && form.FindQuestion(QuestionId)?.FindChoice(value) is { } choice)
            stored[QuestionId] = choice.Label.Get(LocalizedText.DefaultLanguage);
        return stored;
    }

    /// <summary>A stored business's answers on the form: the cohort's words back to their choice, a sentra off the list as "Lainnya" with its label.</summary>
    public Dictionary<string, string> ToForm(Questionnaire form, IReadOnlyDictionary<string, string> answers, string language)
    {
        var onForm = new Dictionary<string, string>(answers);
        var stored = answers.GetValueOrDefault(QuestionId) == OtherValue ? answers.GetValueOrDefault(OtherQuestionId) : answers.GetValueOrDefault(QuestionId);
        if (stored is null || form.FindQuestion(QuestionId) is not { } question) return onForm;
        var choice = question.FindChoice(stored) ?? question.Choices.FirstOrDefault(c => c.Value != OtherValue && c.Label.Matches(stored));
        if (choice is not null && choice.Value != OtherValue)
        {
            onForm[QuestionId] = choice.Value;
            onForm.Remove(OtherQuestionId);
        }
        else
        {
            onForm[QuestionId] = OtherValue;
            onForm[OtherQuestionId] = Of(stored, language);
        }

        return onForm;
    }
}
