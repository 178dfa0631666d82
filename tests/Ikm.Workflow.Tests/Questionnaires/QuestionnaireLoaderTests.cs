using Ikm.Workflow.Questionnaires;

namespace Ikm.Workflow.Tests.Questionnaires;

public sealed class QuestionnaireLoaderTests
{
    /// <summary>Lines 1–9; questions start at line 10.</summary>
    private const string Header = """
        id: test
        version: "3"
        title: { id: Uji, en: Test }
        areas:
          - id: finance
            label: { id: Keuangan, en: Finance }
            plan:
              - { id: Buku kas, en: Cash book }
        questions:

        """;

    private static QuestionnaireError SingleError(string questions, QuestionnaireErrorKind kind)
    {
        var result = QuestionnaireLoader.Load(Header + questions, "test.yaml");
        Assert.False(result.IsSuccess);
        Assert.Null(result.Questionnaire);
        var error = Assert.Single(result.Errors);
        Assert.Equal(kind, error.Kind);
        return error;
    }

    [Fact]
    public void Load_ReturnsWholeQuestionnaire_WhenValid()
    {
        var questionnaire = TestQuestionnaires.Load(TestQuestionnaires.Sample);

        Assert.Equal("sample", questionnaire.Id);
        Assert.Equal("1", questionnaire.Version);
        Assert.Equal("Contoh", questionnaire.Title.Get("id"));
        Assert.Equal("Sample", questionnaire.Title.Get("en"));
        Assert.Equal(["finance", "legality", "people"], questionnaire.Areas.Select(a => a.Id));
        Assert.Equal("Credit preparation", questionnaire.Areas[0].PlanTopics[1].Text.Get("en"));
        Assert.Equal(7, questionnaire.Questions.Count);

        var bank = questionnaire.FindQuestion("has_bank_account")!;
        Assert.Equal(QuestionType.YesNo, bank.Type);
        Assert.Equal(["yes", "no"], bank.Choices.Select(c => c.Value));
        Assert.Equal([4, 1], bank.Choices.Select(c => c.Score));
        Assert.Equal("Ya", bank.Choices[0].Label.Get("id"));
        Assert.True(bank.Required);
        Assert.True(bank.IsScored);
        Assert.Equal(19, bank.Line);

        var credit = questionnaire.FindQuestion("had_credit")!;
        Assert.Equal("${has_bank_account} = 'yes'", credit.Relevant!.Source);
        Assert.Equal(["has_bank_account"], credit.Relevant.References);

        var workers = questionnaire.FindQuestion("workers")!;
        Assert.Null(workers.Area);
        Assert.False(workers.IsScored);
        Assert.NotNull(workers.Constraint);
        Assert.Equal("Between 0 and 1,000 people.", workers.ConstraintMessage!.Get("en"));

        Assert.False(questionnaire.FindQuestion("notes")!.Required);
        Assert.Equal(4, questionnaire.FindQuestion("legality")!.Choices.Count);
        Assert.Equal(4, questionnaire.IndexOf("legality"));
        Assert.Equal(-1, questionnaire.IndexOf("nothing"));
        Assert.Equal("Finance", questionnaire.FindArea("finance")!.Label.Get("en"));
    }

    [Fact]
    public void Load_ReportsLine_WhenUnknownType()
    {
        var error = SingleError("""
              - id: q1
                type: selectone
                label: Tanya
            """, QuestionnaireErrorKind.UnknownType);

        Assert.Equal(11, error.Line);
        Assert.Equal("selectone", error.Detail);
        Assert.Contains("test.yaml:11:", error.ToString());
        Assert.Contains("unknown question type 'selectone'", error.ToString());
        Assert.Contains("jenis pertanyaan tidak dikenal", error.Describe("id"));
    }

    [Fact]
    public void Load_ReportsSecondOccurrence_WhenDuplicateId()
    {
        var error = SingleError("""
              - id: q1
                type: text
                label: Satu
              - id: q1
                type: text
                label: Dua
            """, QuestionnaireErrorKind.DuplicateId);

        Assert.Equal(13, error.Line);
        Assert.Equal("q1", error.Detail);
    }

    [Fact]
    public void Load_ReportsRelevantLine_WhenRelevantNamesLaterQuestion()
    {
        var error = SingleError("""
              - id: q1
                type: text
                label: Satu
                relevant: ${q2} = 'ya'
              - id: q2
                type: text
                label: Dua
            """, QuestionnaireErrorKind.LaterQuestionReference);

        Assert.Equal(13, error.Line);
        Assert.Equal("q2", error.Detail);
    }

    [Fact]
    public void Load_ReportsRelevantLine_WhenRelevantNamesUnknownQuestion()
    {
        var error = SingleError("""
              - id: q1
                type: text
                label: Satu
              - id: q2
                type: text
                label: Dua
                relevant: ${q_unknown} = 'ya'
            """, QuestionnaireErrorKind.UnknownQuestionReference);

        Assert.Equal(16, error.Line);
        Assert.Equal("q_unknown", error.Detail);
    }

    [Fact]
    public void Load_ReportsLine_WhenRelevantNamesItself()
    {
        var error = SingleError("""
              - id: q1
                type: text
                label: Satu
                relevant: ${q1} != ''
            """, QuestionnaireErrorKind.SelfReference);

        Assert.Equal(13, error.Line);
    }

    [Fact]
    public void Load_ReportsQuestionLine_WhenSelectWithoutChoices()
    {
        var error = SingleError("""
              - id: q1
                type: text
                label: Satu
              - id: q2
                type: select_one
                label: Dua
            """, QuestionnaireErrorKind.SelectWithoutChoices);

        Assert.Equal(13, error.Line);
        Assert.Equal("q2", error.Detail);
    }

    [Fact]
    public void Load_ReadsASkipLabel_OfAnOptionalQuestion_AndRefusesItOnARequiredOne()
    {
        var result = QuestionnaireLoader.Load(Header + """
              - id: q1
                type: text
                label: Satu
                required: false
                skip: { id: "⏭ Lewati bidang ini", en: "⏭ Skip this area" }
            """, "test.yaml");
        Assert.True(result.IsSuccess);
        Assert.Equal("⏭ Skip this area", result.Questionnaire.Questions[0].SkipLabel!.Get("en"));

        var error = SingleError("""
              - id: q1
                type: text
                label: Satu
                skip: Lewati
            """, QuestionnaireErrorKind.SkipOnRequired);
        Assert.Equal("q1", error.Detail);
    }

    [Fact]
    public void Load_ReportsChoicesLine_WhenSelectHasEmptyChoices()
    {
        var error = SingleError("""
              - id: q1
                type: select_multiple
                label: Satu
                choices: []
            """, QuestionnaireErrorKind.SelectWithoutChoices);

        Assert.Equal(13, error.Line);
    }

    [Fact]
    public void Load_ReportsChoiceLine_WhenChoiceWithoutLabel()
    {
        var error = SingleError("""
              - id: q1
                type: select_one
                label: Satu
                choices:
                  - { value: a, label: A }
                  - { value: b }
            """, QuestionnaireErrorKind.ChoiceWithoutLabel);

        Assert.Equal(15, error.Line);
        Assert.Equal("b", error.Detail);
    }

    [Fact]
    public void Load_ReportsChoiceLine_WhenChoiceWithoutValue()
    {
        var error = SingleError("""
              - id: q1
                type: select_one
                label: Satu
                choices:
                  - label: A
            """, QuestionnaireErrorKind.ChoiceWithoutValue);

        Assert.Equal(14, error.Line);
    }

    [Fact]
    public void Load_ReportsAreaLine_WhenAreaNotDeclared()
    {
        var error = SingleError("""
              - id: q1
                type: yes_no
                label: Satu
                area: marketing
            """, QuestionnaireErrorKind.UndeclaredArea);

        Assert.Equal(13, error.Line);
        Assert.Equal("marketing", error.Detail);
    }

    [Theory]
    [InlineData("${q0} = ", ExpressionErrorKind.UnexpectedEnd)]
    [InlineData("${q0} = 'yes", ExpressionErrorKind.UnterminatedText)]
    [InlineData("q0 = 'yes'", ExpressionErrorKind.UnknownWord)]
    [InlineData("$q0 = 'yes'", ExpressionErrorKind.BadReference)]
    [InlineData("${Q-0} = 'yes'", ExpressionErrorKind.BadReference)]
    [InlineData("chosen(${q0}, 'yes')", ExpressionErrorKind.UnknownFunction)]
    [InlineData("selected(${q0})", ExpressionErrorKind.WrongArgumentCount)]
    [InlineData("(${q0} = 'yes'", ExpressionErrorKind.UnexpectedEnd)]
    [InlineData("${q0} = 'yes')", ExpressionErrorKind.UnexpectedToken)]
    [InlineData("${q0} & 'yes'", ExpressionErrorKind.UnexpectedCharacter)]
    [InlineData("${q0} = 'yes' ${q0}", ExpressionErrorKind.UnexpectedToken)]
    public void Load_ReportsRelevantLine_WhenBadExpressionSyntax(string expression, ExpressionErrorKind kind)
    {
        var error = SingleError($$"""
              - id: q0
                type: yes_no
                label: Nol
              - id: q1
                type: text
                label: Satu
                relevant: "{{expression.Replace("\"", "\\\"")}}"
            """, QuestionnaireErrorKind.ExpressionSyntax);

        Assert.Equal(16, error.Line);
        Assert.Equal(kind, error.ExpressionError!.Kind);
        Assert.Contains("invalid expression", error.ToString());
    }

    [Fact]
    public void Load_ReportsConstraintLine_WhenBadConstraintSyntax()
    {
        var error = SingleError("""
              - id: q1
                type: integer
                label: Satu
                constraint: . >= and . <= 10
            """, QuestionnaireErrorKind.ExpressionSyntax);

        Assert.Equal(13, error.Line);
    }

    [Fact]
    public void Load_ReportsQuestionLine_WhenIdMissing()
    {
        var error = SingleError("""
              - id: q1
                type: text
                label: Satu
              - type: text
                label: Dua
            """, QuestionnaireErrorKind.MissingField);

        Assert.Equal(13, error.Line);
        Assert.Equal("id", error.Detail);
    }

    [Fact]
    public void Load_ReportsQuestionLine_WhenLabelMissing()
    {
        var error = SingleError("""
              - id: q1
                type: text
            """, QuestionnaireErrorKind.MissingField);

        Assert.Equal(10, error.Line);
        Assert.Equal("label", error.Detail);
    }

    [Fact]
    public void Load_ReportsLabelLine_WhenIndonesianLabelMissing()
    {
        var error = SingleError("""
              - id: q1
                type: text
                label:
                  en: One
            """, QuestionnaireErrorKind.MissingField);

        Assert.Equal(13, error.Line);
        Assert.Equal("label.id", error.Detail);
    }

    [Fact]
    public void Load_ReportsKeyLine_WhenFieldMisspelled()
    {
        var error = SingleError("""
              - id: q1
                type: text
                label: Satu
                relevan: ${q1} = 'x'
            """, QuestionnaireErrorKind.UnknownField);

        Assert.Equal(13, error.Line);
        Assert.Equal("relevan", error.Detail);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("0")]
    [InlineData("2.5")]
    [InlineData("tinggi")]
    public void Load_ReportsScoreLine_WhenScoreOutsideOneToFive(string score)
    {
        var error = SingleError($$"""
              - id: q1
                type: select_one
                area: finance
                label: Satu
                choices:
                  - { value: a, label: A, score: 1 }
                  - { value: b, label: B, score: {{score}} }
            """, QuestionnaireErrorKind.InvalidScore);

        Assert.Equal(16, error.Line);
    }

    [Fact]
    public void Load_ReportsLine_WhenYesNoScoreInvalid()
    {
        var error = SingleError("""
              - id: q1
                type: yes_no
                area: finance
                label: Satu
                score: { yes: 6, no: 1 }
            """, QuestionnaireErrorKind.InvalidScore);

        Assert.Equal(14, error.Line);
    }

    [Fact]
    public void Load_ReportsLine_WhenComparedWithValueTheQuestionDoesNotOffer()
    {
        var error = SingleError("""
              - id: bank
                type: yes_no
                label: Punya rekening?
              - id: credit
                type: yes_no
                label: Pernah kredit?
                relevant: ${bank} = 'ya'
            """, QuestionnaireErrorKind.UnknownChoiceValue);

        Assert.Equal(16, error.Line);
        Assert.Contains("'ya'", error.Detail);
    }

    [Fact]
    public void Load_ReportsLine_WhenSelectedNamesUnknownChoice()
    {
        var error = SingleError("""
              - id: permits
                type: select_multiple
                label: Izin
                choices:
                  - { value: nib, label: NIB }
                  - { value: pirt, label: PIRT }
              - id: pirt_year
                type: integer
                label: Tahun PIRT
                relevant: selected(${permits}, 'p-irt')
            """, QuestionnaireErrorKind.UnknownChoiceValue);

        Assert.Equal(19, error.Line);
    }

    [Theory]
    [InlineData("Nilai A")]
    [InlineData("kopi_bubuk_robusta_premium_250g")]
    [InlineData("nilai:a")]
    [InlineData("séléksi")]
    public void Load_ReportsValueLine_WhenChoiceValueUnfitForButtons(string value)
    {
        var error = SingleError($$"""
              - id: q1
                type: select_one
                label: Satu
                choices:
                  - value: "{{value}}"
                    label: A
            """, QuestionnaireErrorKind.InvalidChoiceValue);

        Assert.Equal(14, error.Line);
    }

    [Fact]
    public void Load_ReportsLine_WhenDuplicateChoiceValue()
    {
        var error = SingleError("""
              - id: q1
                type: select_one
                label: Satu
                choices:
                  - { value: a, label: A }
                  - { value: a, label: B }
            """, QuestionnaireErrorKind.DuplicateChoice);

        Assert.Equal(15, error.Line);
    }

    [Theory]
    [InlineData("Q1")]
    [InlineData("1q")]
    [InlineData("pertanyaan_yang_sangat_panjang_sekali")]
    [InlineData("q-1")]
    public void Load_ReportsIdLine_WhenIdUnfitForButtons(string id)
    {
        var error = SingleError($$"""
              - id: "{{id}}"
                type: text
                label: Satu
            """, QuestionnaireErrorKind.InvalidId);

        Assert.Equal(10, error.Line);
    }

    [Fact]
    public void Load_ReportsLine_WhenChoicesOnNonSelectQuestion()
    {
        var error = SingleError("""
              - id: q1
                type: integer
                label: Satu
                choices:
                  - { value: a, label: A }
            """, QuestionnaireErrorKind.ChoicesNotAllowed);

        Assert.Equal(13, error.Line);
    }

    [Fact]
    public void Load_ReportsQuestionLine_WhenScoredWithoutArea()
    {
        var error = SingleError("""
              - id: q1
                type: yes_no
                label: Satu
                score: { yes: 5, no: 1 }
            """, QuestionnaireErrorKind.ScoreWithoutArea);

        Assert.Equal(10, error.Line);
    }

    [Fact]
    public void Load_ReportsLine_WhenRelevantReadsOwnAnswer()
    {
        var error = SingleError("""
              - id: q1
                type: integer
                label: Satu
                relevant: . > 3
            """, QuestionnaireErrorKind.SelfValueNotAllowed);

        Assert.Equal(13, error.Line);
    }

    [Fact]
    public void Load_ReportsLine_WhenYesNoChoicesAreNotYesAndNo()
    {
        var error = SingleError("""
              - id: q1
                type: yes_no
                label: Satu
                choices:
                  - { value: sudah, label: Sudah }
                  - { value: belum, label: Belum }
            """, QuestionnaireErrorKind.InvalidValue);

        Assert.Equal(13, error.Line);
    }

    [Fact]
    public void Load_ReportsLine_WhenRequiredIsNotBoolean()
    {
        var error = SingleError("""
              - id: q1
                type: text
                label: Satu
                required: mungkin
            """, QuestionnaireErrorKind.InvalidValue);

        Assert.Equal(13, error.Line);
    }

    [Fact]
    public void Load_ReportsLine_WhenSelfAssessmentIsNotBoolean()
    {
        var error = SingleError("""
              - id: q1
                type: text
                label: Satu
                self_assessment: kadang
            """, QuestionnaireErrorKind.InvalidValue);

        Assert.Equal(13, error.Line);
    }

    [Fact]
    public void SelfAssessment_KeepsOnlyTheQuestionsMarkedForOwners()
    {
        var evaluation = Ikm.Workflow.Tests.Support.TestCatalog.Load("evaluation.yaml");

        Assert.Equal(["score", "problem", "mentored", "result"], evaluation.Questions.Select(q => q.Id));
        Assert.Equal(["score"], evaluation.SelfAssessment.Questions.Select(q => q.Id));
        Assert.Equal((evaluation.Id, evaluation.Version), (evaluation.SelfAssessment.Id, evaluation.SelfAssessment.Version));
        Assert.Same(evaluation.SelfAssessment, evaluation.SelfAssessment);
    }

    [Fact]
    public void Load_ReportsLine_WhenDuplicateArea()
    {
        var yaml = """
            id: test
            version: "1"
            title: Uji
            areas:
              - id: finance
                label: Keuangan
              - id: finance
                label: Keuangan lagi
            questions:
              - id: q1
                type: text
                label: Satu
            """;

        var error = Assert.Single(QuestionnaireLoader.Load(yaml, "test.yaml").Errors);

        Assert.Equal(QuestionnaireErrorKind.DuplicateArea, error.Kind);
        Assert.Equal(7, error.Line);
    }

    [Fact]
    public void Load_ReportsLine_WhenYamlBroken()
    {
        var yaml = """
            id: test
            version: "1"
            title: Uji
            questions:
              - id: q1
                type: text
                label: "Satu
              - id: q2
            """;

        var result = QuestionnaireLoader.Load(yaml, "test.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal(QuestionnaireErrorKind.YamlSyntax, error.Kind);
        Assert.InRange(error.Line, 7, 9);
        Assert.Null(result.Questionnaire);
    }

    [Fact]
    public void Load_ReportsLine_WhenKeyRepeated()
    {
        var yaml = """
            id: test
            version: "1"
            title: Uji
            questions:
              - id: q1
                type: text
                label: Satu
                type: integer
            """;

        var error = Assert.Single(QuestionnaireLoader.Load(yaml, "test.yaml").Errors);

        Assert.Equal(QuestionnaireErrorKind.YamlSyntax, error.Kind);
        Assert.Equal(8, error.Line);
    }

    [Fact]
    public void Load_ReportsMissingFields_WhenHeaderIncomplete()
    {
        var yaml = """
            title: Uji
            questions:
              - id: q1
                type: text
                label: Satu
            """;

        var errors = QuestionnaireLoader.Load(yaml, "test.yaml").Errors;

        Assert.Equal(["id", "version"], errors.Select(e => e.Detail));
        Assert.All(errors, e => Assert.Equal(QuestionnaireErrorKind.MissingField, e.Kind));
    }

    [Theory]
    [InlineData("")]
    [InlineData("- just\n- a list\n")]
    public void Load_ReportsStructure_WhenNotAMapping(string yaml)
    {
        var error = Assert.Single(QuestionnaireLoader.Load(yaml, "test.yaml").Errors);

        Assert.Equal(QuestionnaireErrorKind.InvalidStructure, error.Kind);
    }

    [Fact]
    public void Load_ReportsNoQuestions_WhenListEmpty()
    {
        var yaml = """
            id: test
            version: "1"
            title: Uji
            questions: []
            """;

        var error = Assert.Single(QuestionnaireLoader.Load(yaml, "test.yaml").Errors);

        Assert.Equal(QuestionnaireErrorKind.NoQuestions, error.Kind);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void Load_ReportsEveryErrorSortedByLine_AndNoQuestionnaire_WhenSeveralProblems()
    {
        var result = QuestionnaireLoader.Load(Header + """
              - id: q1
                type: dropdown
                label: Satu
              - id: q2
                type: select_one
                label: Dua
              - id: q1
                type: text
                label: Tiga
                relevant: ${q9} = 'x'
            """, "test.yaml");

        Assert.False(result.IsSuccess);
        Assert.Null(result.Questionnaire);
        Assert.Equal(
            [(11, QuestionnaireErrorKind.UnknownType), (13, QuestionnaireErrorKind.SelectWithoutChoices),
             (16, QuestionnaireErrorKind.DuplicateId), (19, QuestionnaireErrorKind.UnknownQuestionReference)],
            result.Errors.Select(e => (e.Line, e.Kind)));
    }

    [Fact]
    public void Load_AcceptsCustomYesNoLabels_WhenValuesAreYesAndNo()
    {
        var question = TestQuestionnaires.Single("""
              - id: nib
                type: yes_no
                label: Sudah punya NIB?
                choices:
                  - { value: yes, label: { id: Sudah, en: "Yes" } }
                  - { value: no, label: { id: Belum, en: Not yet } }
            """);

        Assert.Equal(["Sudah", "Belum"], question.Choices.Select(c => c.Label.Get("id")));
        Assert.Equal("Not yet", question.Choices[1].Label.Get("en"));
    }

    [Fact]
    public void Load_ReadsScoreMethod_WhenSelectMultiple()
    {
        var question = TestQuestionnaires.Single("""
              - id: permits
                type: select_multiple
                area: finance
                score_method: sum
                label: Izin
                choices:
                  - { value: nib, label: NIB, score: 2 }
            """);

        Assert.Equal(ScoreMethod.Sum, question.ScoreMethod);
    }

    [Fact]
    public void Load_KeepsPrefill_WhenProfileFieldFitsTheQuestion()
    {
        var questionnaire = TestQuestionnaires.Load(Header + """
              - { id: bank, type: yes_no, area: finance, label: Rekening?, prefill: has_bank_account, score: { yes: 4, no: 1 } }
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
            """);

        Assert.Equal("has_bank_account", questionnaire.FindQuestion("bank")!.Prefill);
        Assert.Equal("permits", questionnaire.FindQuestion("permits")!.Prefill);
    }

    [Fact]
    public void Load_ReportsPrefillLine_WhenProfileFieldUnknown()
    {
        var error = SingleError("""
              - id: bank
                type: yes_no
                label: Rekening?
                prefill: bank_account
            """, QuestionnaireErrorKind.UnknownProfileField);

        Assert.Equal(13, error.Line);
        Assert.StartsWith("bank_account", error.Detail);
        Assert.Contains("test.yaml:13: prefill names no profile field 'bank_account (has_bank_account, ", error.ToString());
    }

    [Fact]
    public void Load_ReportsPrefillLine_WhenProfileFieldHasAnotherType()
    {
        var error = SingleError("""
              - id: books
                type: select_one
                label: Pembukuan
                prefill: keeps_books
                choices:
                  - { value: yes, label: Ya }
                  - { value: no, label: Tidak }
            """, QuestionnaireErrorKind.PrefillTypeMismatch);

        Assert.Equal(13, error.Line);
        Assert.Equal("keeps_books (yes_no)", error.Detail);
    }

    [Fact]
    public void Load_ReportsPrefillLine_WhenProfileValueIsNotAChoice()
    {
        var error = SingleError("""
              - id: permits
                type: select_multiple
                label: Izin
                prefill: permits
                choices:
                  - { value: none, label: Belum ada }
                  - { value: pirt, label: PIRT }
                  - { value: halal, label: Halal }
                  - { value: sni, label: SNI }
            """, QuestionnaireErrorKind.UnknownChoiceValue);

        Assert.Equal(13, error.Line);
        Assert.Equal("'bpom' (permits)", error.Detail);
    }

    private const string PlanHeader = """
        id: test
        version: "3"
        title: { id: Uji, en: Test }
        areas:
          - id: legality
            label: { id: Perizinan, en: Licensing }
            plan:
              - topic: { id: Mengurus NIB, en: Getting an NIB }
                unless: {0}
        questions:
          - { id: nib, type: yes_no, area: legality, label: NIB?, score: { yes: 4, no: 1 } }
        """;

    [Fact]
    public void Load_KeepsTopicCondition_WhenItNamesAnAnswerAndItsChoice()
    {
        var questionnaire = TestQuestionnaires.Load(PlanHeader.Replace("{0}", "${nib} = 'yes'"));

        var topic = Assert.Single(questionnaire.Areas[0].PlanTopics);
        Assert.Equal("Getting an NIB", topic.Text.Get("en"));
        Assert.False(topic.AppliesTo(new Dictionary<string, string> { ["nib"] = "yes" }));
        Assert.True(topic.AppliesTo(new Dictionary<string, string> { ["nib"] = "no" }));
        Assert.True(topic.AppliesTo(new Dictionary<string, string>()));
    }

    [Theory]
    [InlineData("${nib_owned} = 'yes'", QuestionnaireErrorKind.UnknownQuestionReference, "nib_owned")]
    [InlineData("${nib} = 'ya'", QuestionnaireErrorKind.UnknownChoiceValue, "'ya' (nib)")]
    [InlineData("${nib} = = 'yes'", QuestionnaireErrorKind.ExpressionSyntax, "${nib} = = 'yes'")]
    [InlineData(". = 'yes'", QuestionnaireErrorKind.SelfValueNotAllowed, ". = 'yes'")]
    public void Load_ReportsUnlessLine_WhenTopicConditionIsWrong(string unless, QuestionnaireErrorKind kind, string detail)
    {
        var result = QuestionnaireLoader.Load(PlanHeader.Replace("{0}", unless), "diagnosis.yaml");

        Assert.False(result.IsSuccess);
        var error = Assert.Single(result.Errors);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(9, error.Line);
        Assert.Equal(detail, error.Detail);
        Assert.StartsWith("diagnosis.yaml:9: ", error.ToString());
    }

    [Fact]
    public void Load_ReportsKeyLine_WhenTopicHasAnUnknownKey()
    {
        var result = QuestionnaireLoader.Load(PlanHeader.Replace("{0}", "${nib} = 'yes'\n        only_if: ${nib} = 'no'"), "test.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal(QuestionnaireErrorKind.UnknownField, error.Kind);
        Assert.Equal(10, error.Line);
    }
}
