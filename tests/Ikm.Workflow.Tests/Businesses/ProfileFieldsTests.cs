using Ikm.Workflow.Businesses;
using Ikm.Workflow.Questionnaires;
using Ikm.Workflow.Tests.Questionnaires;

namespace Ikm.Workflow.Tests.Businesses;

public sealed class ProfileFieldsTests
{
    private static readonly Questionnaire Prefilled = TestQuestionnaires.Load("""
        id: prefilled
        version: "1"
        title: Isi dari profil
        questions:
          - { id: bank, type: yes_no, label: Rekening?, prefill: has_bank_account }
          - { id: credit, type: yes_no, label: Kredit?, prefill: had_credit, relevant: "${bank} = 'yes'" }
          - { id: nib, type: yes_no, label: NIB?, prefill: has_nib }
          - { id: others, type: yes_no, label: Ada pekerja lain?, prefill: has_workers }
          - id: permits
            type: select_multiple
            label: Izin
            prefill: permits
            choices:
              - { value: none, label: Belum ada }
              - { value: pirt, label: PIRT }
              - { value: halal, label: Halal }
              - { value: sni, label: SNI }
              - { value: bpom, label: BPOM }
          - { id: turnover, type: money, label: Omzet?, prefill: turnover }
          - { id: asked, type: text, label: Masalah? }
        """);

    [Fact]
    public void Prefill_TakesTheRegistrationAnswers_InTheQuestionsStoredForm()
    {
        var business = new Business { HasBankAccount = true, HadBankCredit = true, Legality = ["nib", "halal", "pirt"], Workers = 1, MonthlyTurnover = 1_500_000m };

        var answers = ProfileFields.Prefill(Prefilled, business);

        Assert.Equal("yes", answers["bank"]);
        Assert.Equal("yes", answers["credit"]);
        Assert.Equal("yes", answers["nib"]);
        Assert.Equal("no", answers["others"]); // the owner alone
        Assert.Equal("pirt halal", answers["permits"]);
        Assert.Equal("1500000", answers["turnover"]);
        Assert.False(answers.ContainsKey("asked"));
    }

    [Fact]
    public void Prefill_LeavesAQuestionToAsk_WhenTheProfileDoesNotDecideIt()
    {
        var business = new Business { HasBankAccount = false, HadBankCredit = null, Legality = [], Workers = 0 };

        var answers = ProfileFields.Prefill(Prefilled, business);

        Assert.Equal("no", answers["bank"]);
        Assert.False(answers.ContainsKey("credit"));
        Assert.False(answers.ContainsKey("others"));
        Assert.False(answers.ContainsKey("turnover"));
        Assert.Equal("none", answers["permits"]);
        Assert.Equal("no", answers["nib"]);
    }

    [Fact]
    public void Prefill_GivesNothing_WhenNoProfileOrAnErasedOne()
    {
        Assert.Empty(ProfileFields.Prefill(Prefilled, null));
        Assert.Empty(ProfileFields.Prefill(Prefilled, new Business { HasBankAccount = true, Anonymised = true }));
    }
}
