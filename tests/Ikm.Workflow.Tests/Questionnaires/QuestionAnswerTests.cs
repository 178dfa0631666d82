using Ikm.Workflow.Questionnaires;

namespace Ikm.Workflow.Tests.Questionnaires;

public sealed class QuestionAnswerTests
{
    private static Question Q(string type, string extra = "") => TestQuestionnaires.Single($$"""
          - id: q
            type: {{type}}
            label: { id: Pertanyaan, en: Question }
        {{extra}}
        """);

    private static readonly Question Select = TestQuestionnaires.Single("""
          - id: books
            type: select_one
            label: Pembukuan
            choices:
              - { value: none, label: { id: Tidak dicatat, en: Not recorded } }
              - { value: cashbook, label: { id: Buku kas, en: Cash book } }
              - { value: app, label: { id: Aplikasi, en: App } }
        """);

    private static readonly Question Multi = TestQuestionnaires.Single("""
          - id: permits
            type: select_multiple
            label: Izin
            choices:
              - { value: none, label: { id: Belum ada, en: None yet } }
              - { value: nib, label: NIB }
              - { value: pirt, label: { id: SPP-IRT (PIRT), en: PIRT } }
              - { value: halal, label: { id: Sertifikat halal, en: Halal certificate } }
            constraint: not(selected(., 'none') and count-selected(.) > 1)
            constraint_message: { id: Belum ada tidak bisa digabung., en: None cannot be combined. }
        """);

    private static readonly Question Nib = TestQuestionnaires.Single("""
          - id: nib
            type: yes_no
            label: Sudah punya NIB?
            choices:
              - { value: yes, label: { id: Sudah, en: "Yes" } }
              - { value: no, label: { id: Belum, en: Not yet } }
        """);

    private static void AssertStored(AnswerResult result, string expected)
    {
        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected, result.Value);
    }

    private static void AssertRefused(AnswerResult result, AnswerErrorKind kind, params string[] messageParts)
    {
        Assert.False(result.IsValid);
        Assert.Equal(kind, result.ErrorKind);
        Assert.Null(result.Value);
        foreach (var part in messageParts)
            Assert.Contains(part, result.Error);
    }

    [Theory]
    [InlineData("money", "1,5 jt", "1500000")]
    [InlineData("money", "Rp 2.000.000", "2000000")]
    [InlineData("integer", "1.250", "1250")]
    [InlineData("decimal", "2,5", "2.5")]
    [InlineData("date", "17 Agustus 2025", "2025-08-17")]
    [InlineData("date", "17/8/2025", "2025-08-17")]
    [InlineData("phone", "0812-3456-7890", "+6281234567890")]
    [InlineData("yes_no", "iya", "yes")]
    [InlineData("yes_no", "nggak", "no")]
    [InlineData("yes_no", "yes", "yes")]
    [InlineData("yes_no", "1", "yes")]
    [InlineData("yes_no", "2", "no")]
    [InlineData("text", "  Bahan baku sering kosong  ", "Bahan baku sering kosong")]
    public void Parse_StoresNormalizedValue_WhenValid(string type, string input, string stored)
    {
        AssertStored(QuestionAnswer.Parse(Q(type), input, "id"), stored);
    }

    [Theory]
    [InlineData("money", "abc", "id", "misalnya: 1,5 jt")]
    [InlineData("money", "-5", "id", "tidak boleh minus")]
    [InlineData("money", "1,5,5", "en", "for example: 1,5 jt")]
    [InlineData("integer", "banyak", "id", "misalnya: 4 atau 12.")]
    [InlineData("integer", "many", "en", "for example: 4 or 12.")]
    [InlineData("decimal", "two", "en", "for example: 2.5 or 1,250.")]
    [InlineData("integer", "2,5", "en", "must be whole")]
    [InlineData("decimal", "dua", "id", "misalnya: 2,5")]
    [InlineData("date", "31/2/2025", "id", "misalnya: 17 Agustus 2025")]
    [InlineData("date", "kemarin", "en", "for example: 17 August 2025")]
    [InlineData("phone", "0812", "id", "misalnya: 0812-3456-7890")]
    [InlineData("phone", "nomor saya", "en", "for example: 0812-3456-7890")]
    [InlineData("yes_no", "mungkin", "id", "misalnya: ya")]
    [InlineData("yes_no", "maybe", "en", "for example: yes")]
    public void Parse_RefusesWithExpectationAndExample_WhenWrongValue(string type, string input, string language, string expected)
    {
        AssertRefused(QuestionAnswer.Parse(Q(type), input, language), AnswerErrorKind.Invalid, expected);
    }

    private static readonly Question Packs = TestQuestionnaires.Single("""
          - id: output
            type: integer
            label: { id: "Berapa produk sebulan (bungkus, kain, atau satuan lain)?", en: "How many units a month (packs, cloths)?" }
        """);

    [Theory]
    [InlineData("300 bungkus", "300")]
    [InlineData("300bungkus", "300")]
    [InlineData("1.250 Bungkus", "1250")]
    [InlineData("40 kain", "40")]
    [InlineData("300 packs", "300")]
    public void Parse_AcceptsAUnitAfterTheNumber_WhenTheQuestionNamesIt(string input, string stored)
    {
        AssertStored(QuestionAnswer.Parse(Packs, input, "id"), stored);
    }

    [Fact]
    public void Parse_RefusesAUnit_TheQuestionDoesNotName()
    {
        Assert.False(QuestionAnswer.Parse(Packs, "300 kg", "id").IsValid);
        Assert.False(QuestionAnswer.Parse(Packs, "300 bung", "id").IsValid);
    }

    [Fact]
    public void Parse_ReadsEnglishGrouping_AtAWholeNumberQuestion()
    {
        AssertStored(QuestionAnswer.Parse(Q("integer"), "1,250", "en"), "1250");
    }

    [Theory]
    [InlineData("hari ini", "2026-12-04")]
    [InlineData("Kemarin", "2026-12-03")]
    [InlineData("besok", "2026-12-05")]
    [InlineData("today", "2026-12-04")]
    [InlineData("yesterday", "2026-12-03")]
    [InlineData("tomorrow", "2026-12-05")]
    public void Parse_ReadsTodayYesterdayTomorrow_FromTheMembersDate(string input, string stored)
    {
        AssertStored(QuestionAnswer.Parse(Q("date"), input, "id", today: new DateOnly(2026, 12, 4)), stored);
    }

    [Theory]
    [InlineData("location", "di rumah", "📎")]
    [InlineData("photo", "fotonya nanti", "📎")]
    public void Parse_RefusesText_WhenPhotoOrLocationExpected(string type, string input, string expected)
    {
        AssertRefused(QuestionAnswer.Parse(Q(type), input, "id"), AnswerErrorKind.WrongKind, expected);
    }

    [Fact]
    public void Parse_RefusesWithLimit_WhenTextOver1000Characters()
    {
        var result = QuestionAnswer.Parse(Q("text"), new string('a', 1001), "id");

        AssertRefused(result, AnswerErrorKind.TooLong, "1.001 karakter", "batasnya 1.000 karakter");
    }

    [Fact]
    public void Parse_RefusesInEnglishWithLimit_WhenTextOver1000Characters()
    {
        var result = QuestionAnswer.Parse(Q("text"), new string('a', 1500), "en");

        AssertRefused(result, AnswerErrorKind.TooLong, "1,500 characters", "limit is 1,000 characters");
    }

    [Fact]
    public void Parse_AcceptsText_WhenExactly1000Characters()
    {
        AssertStored(QuestionAnswer.Parse(Q("text"), new string('a', 1000), "id"), new string('a', 1000));
    }

    [Fact]
    public void Parse_RefusesOverlongInput_WhenAnyType()
    {
        AssertRefused(QuestionAnswer.Parse(Q("money"), new string('1', 2000), "id"), AnswerErrorKind.TooLong, "1.000");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("lewati")]
    [InlineData("skip")]
    public void Parse_RefusesAsRequired_WhenRequiredQuestionLeftEmpty(string? input)
    {
        AssertRefused(QuestionAnswer.Parse(Q("money"), input, "id"), AnswerErrorKind.Required, "wajib dijawab", "misalnya");
    }

    [Theory]
    [InlineData("lewati")]
    [InlineData("Skip")]
    [InlineData("-")]
    [InlineData("")]
    public void Parse_StoresEmpty_WhenOptionalQuestionSkipped(string input)
    {
        AssertStored(QuestionAnswer.Parse(Q("money", "    required: false"), input, "id"), "");
    }

    [Fact]
    public void Parse_MentionsSkipping_WhenOptionalQuestionGetsWrongValue()
    {
        var result = QuestionAnswer.Parse(Q("money", "    required: false"), "banyak", "id");

        AssertRefused(result, AnswerErrorKind.Invalid, "lewati");
    }

    [Theory]
    [InlineData("cashbook", "cashbook")]
    [InlineData("CASHBOOK", "cashbook")]
    [InlineData("2", "cashbook")]
    [InlineData("3.", "app")]
    [InlineData("Buku kas", "cashbook")]
    [InlineData("cash book", "cashbook")]
    [InlineData("tidak dicatat", "none")]
    public void Parse_StoresChoiceValue_WhenSelectOneByButtonNumberOrLabel(string input, string stored)
    {
        AssertStored(QuestionAnswer.Parse(Select, input, "id"), stored);
    }

    [Theory]
    [InlineData("4", "id", "1–3")]
    [InlineData("0", "id", "misalnya: 2")]
    [InlineData("buku besar", "en", "for example: 2")]
    public void Parse_RefusesWithChoiceRange_WhenSelectOneUnknown(string input, string language, string expected)
    {
        AssertRefused(QuestionAnswer.Parse(Select, input, language), AnswerErrorKind.Invalid, expected);
    }

    [Theory]
    [InlineData("nib pirt", "nib pirt")]
    [InlineData("pirt nib", "nib pirt")]
    [InlineData("2, 3", "nib pirt")]
    [InlineData("2 3 3", "nib pirt")]
    [InlineData("NIB, SPP-IRT (PIRT)", "nib pirt")]
    [InlineData("halal certificate; nib", "nib halal")]
    [InlineData("none", "none")]
    [InlineData("Belum ada", "none")]
    public void Parse_StoresValuesInChoiceOrder_WhenSelectMultiple(string input, string stored)
    {
        AssertStored(QuestionAnswer.Parse(Multi, input, "id"), stored);
    }

    [Theory]
    [InlineData("2, 9")]
    [InlineData("nib, bpom")]
    public void Parse_RefusesWithExample_WhenSelectMultipleHasUnknownChoice(string input)
    {
        AssertRefused(QuestionAnswer.Parse(Multi, input, "id"), AnswerErrorKind.Invalid, "misalnya: 1, 3");
    }

    [Fact]
    public void Parse_RefusesWithFileMessage_WhenConstraintFails()
    {
        var result = QuestionAnswer.Parse(Multi, "none nib", "id");

        AssertRefused(result, AnswerErrorKind.Constraint, "Belum ada tidak bisa digabung.", "misalnya: 1, 3");
    }

    [Fact]
    public void Parse_RefusesWithConstraintMessage_WhenNumberOutOfRange()
    {
        var question = Q("integer", """
                constraint: . >= 0 and . <= 1000
                constraint_message: { id: Antara 0 dan 1.000 orang., en: Between 0 and 1000 people. }
            """);

        AssertStored(QuestionAnswer.Parse(question, "1.000", "id"), "1000");
        AssertRefused(QuestionAnswer.Parse(question, "1.001", "en"), AnswerErrorKind.Constraint, "Between 0 and 1000 people.", "for example: 4 or 12");
        AssertRefused(QuestionAnswer.Parse(question, "-1", "id"), AnswerErrorKind.Constraint, "Antara 0 dan 1.000 orang.");
    }

    [Fact]
    public void Parse_UsesDefaultMessage_WhenConstraintHasNoMessage()
    {
        var question = Q("money", "    constraint: . >= 100000");

        AssertRefused(QuestionAnswer.Parse(question, "50 rb", "id"), AnswerErrorKind.Constraint, "di luar batas", "misalnya: 1,5 jt");
    }

    [Fact]
    public void Parse_ReadsEarlierAnswers_WhenConstraintNamesThem()
    {
        var questionnaire = TestQuestionnaires.Load("""
            id: t
            version: "1"
            title: T
            questions:
              - { id: workers, type: integer, label: Pekerja }
              - { id: women, type: integer, label: Pekerja perempuan, constraint: ". <= ${workers}" }
            """);
        var answers = new Dictionary<string, string> { ["workers"] = "5" };
        var women = questionnaire.FindQuestion("women")!;

        AssertStored(QuestionAnswer.Parse(women, "3", "id", answers), "3");
        AssertRefused(QuestionAnswer.Parse(women, "7", "id", answers), AnswerErrorKind.Constraint);
    }

    [Theory]
    [InlineData("Sudah", "yes")]
    [InlineData("belum", "no")]
    [InlineData("not yet", "no")]
    [InlineData("ya", "yes")]
    [InlineData("tdk", "no")]
    public void Parse_AcceptsCustomLabelsAndUsualWords_WhenYesNoWithOwnLabels(string input, string stored)
    {
        AssertStored(QuestionAnswer.Parse(Nib, input, "id"), stored);
    }

    [Fact]
    public void Parse_NamesTheButtons_WhenYesNoRefused()
    {
        AssertRefused(QuestionAnswer.Parse(Nib, "entahlah", "id"), AnswerErrorKind.Invalid, "Sudah", "Belum");
    }

    [Fact]
    public void FromLocation_StoresCoordinates_WhenLocationQuestion()
    {
        AssertStored(QuestionAnswer.FromLocation(Q("location"), -8.6500001, 116.32, "id"), "-8.65,116.32");
    }

    [Fact]
    public void FromLocation_RefusesClearly_WhenTextQuestion()
    {
        AssertRefused(QuestionAnswer.FromLocation(Q("text"), -8.65, 116.32, "id"), AnswerErrorKind.WrongKind, "tidak meminta lokasi", "Tulis jawabannya");
    }

    [Fact]
    public void FromLocation_Refuses_WhenCoordinatesImpossible()
    {
        AssertRefused(QuestionAnswer.FromLocation(Q("location"), 95, 116.32, "en"), AnswerErrorKind.Invalid, "cannot be used");
    }

    [Fact]
    public void FromPhoto_StoresFileId_WhenPhotoQuestion()
    {
        AssertStored(QuestionAnswer.FromPhoto(Q("photo"), "AgACAgUAAxkBAAIB", "id"), "AgACAgUAAxkBAAIB");
    }

    [Fact]
    public void FromPhoto_RefusesClearly_WhenMoneyQuestion()
    {
        AssertRefused(QuestionAnswer.FromPhoto(Q("money"), "AgACAgUAAxkBAAIB", "en"), AnswerErrorKind.WrongKind, "does not ask for a photo", "for example: 1,5 jt");
    }

    [Theory]
    [InlineData("money", "1500000", "id", "Rp 1.500.000")]
    [InlineData("integer", "1250", "id", "1.250")]
    [InlineData("decimal", "2.5", "en", "2.5")]
    [InlineData("decimal", "2.5", "id", "2,5")]
    [InlineData("date", "2025-08-17", "id", "17 Agustus 2025")]
    [InlineData("date", "2025-08-17", "en", "17 August 2025")]
    [InlineData("yes_no", "yes", "id", "Ya")]
    [InlineData("yes_no", "no", "en", "No")]
    [InlineData("phone", "+6281234567890", "id", "+6281234567890")]
    [InlineData("photo", "AgAC", "id", "(foto)")]
    [InlineData("text", "", "id", "(dilewati)")]
    public void Display_ShowsReadableValue_WhenStored(string type, string stored, string language, string expected)
    {
        Assert.Equal(expected, QuestionAnswer.Display(Q(type), stored, language));
    }

    [Fact]
    public void Display_ShowsLabels_WhenChoices()
    {
        Assert.Equal("Buku kas", QuestionAnswer.Display(Select, "cashbook", "id"));
        Assert.Equal("NIB, Halal certificate", QuestionAnswer.Display(Multi, "nib halal", "en"));
        Assert.Equal("Belum", QuestionAnswer.Display(Nib, "no", "id"));
    }
}
