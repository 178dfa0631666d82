using System.Globalization;
using Ikm.Workflow.Questionnaires;

namespace Ikm.Workflow.Businesses;

/// <summary>
/// The profile facts registration already asked, by the name a questionnaire's <c>prefill:</c> uses (the registration
/// question's id where there is one). Answers are in the questionnaire's stored form, so a prefilled answer scores as if typed.
/// </summary>
public static class ProfileFields
{
    private static readonly string[] YesNo = ["yes", "no"];

    /// <summary>The permits of the registration's licence list apart from the NIB (which has its own question).</summary>
    private static readonly string[] Permits = ["pirt", "halal", "sni", "bpom"];

    public static readonly IReadOnlyDictionary<string, ProfileField> All = new ProfileField[]
    {
        new("has_bank_account", QuestionType.YesNo, YesNo, b => YesOrNo(b.HasBankAccount)),
        new("had_credit", QuestionType.YesNo, YesNo, b => b.HadBankCredit is { } credit ? YesOrNo(credit) : null),
        new("keeps_books", QuestionType.YesNo, YesNo, b => YesOrNo(b.KeepsBooks)),
        new("has_nib", QuestionType.YesNo, YesNo, b => YesOrNo(b.Legality.Contains("nib"))),
        new("permits", QuestionType.SelectMultiple, [.. Permits, "none"], PermitsHeld),
        // Registration counts the owner among the workers: more than one means someone else works too.
        new("has_workers", QuestionType.YesNo, YesNo, b => b.Workers > 0 ? YesOrNo(b.Workers > 1) : null),
        new("workers", QuestionType.Integer, [], b => b.Workers > 0 ? b.Workers.ToString(CultureInfo.InvariantCulture) : null),
        new("turnover", QuestionType.Money, [], b => b.MonthlyTurnover > 0 ? b.MonthlyTurnover.ToString(CultureInfo.InvariantCulture) : null),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>The answers a questionnaire's prefilled questions take from <paramref name="business"/>, by question id.</summary>
    public static Dictionary<string, string> Prefill(Questionnaire questionnaire, Business? business)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (business is null || business.Anonymised) return answers;
        foreach (var question in questionnaire.Questions)
        {
            if (question.Prefill is { } name && All.TryGetValue(name, out var field) && field.Read(business) is { } value)
                answers[question.Id] = value;
        }
        return answers;
    }

    private static string YesOrNo(bool value) => value ? "yes" : "no";

    private static string PermitsHeld(Business business)
    {
        var held = Permits.Where(business.Legality.Contains).ToList();
        return held.Count == 0 ? "none" : string.Join(' ', held);
    }
}
