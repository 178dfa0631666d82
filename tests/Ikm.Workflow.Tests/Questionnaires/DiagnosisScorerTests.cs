using Ikm.Workflow.Questionnaires;

namespace Ikm.Workflow.Tests.Questionnaires;

public sealed class DiagnosisScorerTests
{
    /// <summary>Five areas a..e; each has two yes_no questions scoring yes 5 / no 1, and area a a select_multiple.</summary>
    private static readonly Questionnaire FiveAreas = TestQuestionnaires.Load("""
        id: five
        version: "1"
        title: Lima area
        areas:
          - { id: a, label: A, plan: [ { id: Topik A1, en: Topic A1 }, { id: Topik A2, en: Topic A2 } ] }
          - { id: b, label: B, plan: [ { id: Topik B1, en: Topic B1 } ] }
          - { id: c, label: C, plan: [ { id: Topik C1, en: Topic C1 } ] }
          - { id: d, label: D, plan: [ { id: Topik D1, en: Topic D1 } ] }
          - { id: e, label: E, plan: [ { id: Topik E1, en: Topic E1 } ] }
        questions:
          - { id: a1, type: yes_no, area: a, label: A1, score: { yes: 5, no: 1 } }
          - { id: a2, type: yes_no, area: a, label: A2, score: { yes: 5, no: 1 }, relevant: "${a1} = 'yes'" }
          - id: a3
            type: select_multiple
            area: a
            label: A3
            choices:
              - { value: x, label: X, score: 2 }
              - { value: y, label: Y, score: 4 }
              - { value: z, label: Z }
          - id: a4
            type: select_multiple
            area: a
            score_method: sum
            label: A4
            choices:
              - { value: x, label: X, score: 2 }
              - { value: y, label: Y, score: 4 }
          - { id: b1, type: yes_no, area: b, label: B1, score: { yes: 5, no: 1 } }
          - { id: b2, type: yes_no, area: b, label: B2, score: { yes: 5, no: 1 } }
          - { id: c1, type: yes_no, area: c, label: C1, score: { yes: 5, no: 1 } }
          - { id: c2, type: yes_no, area: c, label: C2, score: { yes: 5, no: 1 } }
          - { id: d1, type: yes_no, area: d, label: D1, score: { yes: 5, no: 1 } }
          - { id: d2, type: yes_no, area: d, label: D2, score: { yes: 5, no: 1 } }
          - { id: e1, type: yes_no, area: e, label: E1, score: { yes: 5, no: 1 } }
          - { id: e_note, type: text, area: e, label: Catatan, required: false }
        """);

    private static decimal? ScoreOf(DiagnosisResult result, string area) => result.Areas.Single(a => a.Area.Id == area).Score;

    [Fact]
    public void Score_AveragesAnswersToOneDecimal_WhenAreaHasSeveralScores()
    {
        var answers = new Dictionary<string, string>
        {
            ["a1"] = "yes", ["a2"] = "no", ["a3"] = "x",
            ["b1"] = "yes", ["b2"] = "no",
        };

        var result = DiagnosisScorer.Score(FiveAreas, answers);

        Assert.Equal(2.7m, ScoreOf(result, "a")); // (5 + 1 + 2) / 3 = 2.67
        Assert.Equal(3.0m, ScoreOf(result, "b"));
        Assert.Equal(3, result.Areas.Single(a => a.Area.Id == "a").ScoredAnswers);
    }

    [Fact]
    public void Score_LeavesAreaUnscored_WhenNoScoredAnswer()
    {
        var result = DiagnosisScorer.Score(FiveAreas, new Dictionary<string, string> { ["b1"] = "yes", ["e_note"] = "sulit" });

        Assert.Null(ScoreOf(result, "a"));
        Assert.Null(ScoreOf(result, "e"));
        Assert.DoesNotContain(result.Weakest, w => w.Score is null);
        Assert.Equal(["b"], result.Weakest.Select(w => w.Area.Id));
    }

    [Fact]
    public void Score_IgnoresStaleAnswer_WhenQuestionNoLongerRelevant()
    {
        var answers = new Dictionary<string, string> { ["a1"] = "no", ["a2"] = "yes" };

        var result = DiagnosisScorer.Score(FiveAreas, answers);

        Assert.Equal(1.0m, ScoreOf(result, "a"));
    }

    [Theory]
    [InlineData("x y", 4)]
    [InlineData("x", 2)]
    [InlineData("z", null)]
    [InlineData("x z", 2)]
    public void QuestionScore_TakesBestChoice_WhenScoreMethodMax(string stored, int? expected)
    {
        Assert.Equal(expected, DiagnosisScorer.QuestionScore(FiveAreas.FindQuestion("a3")!, stored));
    }

    [Theory]
    [InlineData("x", 2)]
    [InlineData("x y", 5)]
    public void QuestionScore_AddsUpToFive_WhenScoreMethodSum(string stored, int expected)
    {
        Assert.Equal(expected, DiagnosisScorer.QuestionScore(FiveAreas.FindQuestion("a4")!, stored));
    }

    [Fact]
    public void QuestionScore_ReturnsNull_WhenSkipped()
    {
        Assert.Null(DiagnosisScorer.QuestionScore(FiveAreas.FindQuestion("a1")!, ""));
    }

    [Fact]
    public void Score_ReturnsThreeWeakestInOrder_WhenAllAreasScored()
    {
        var answers = new Dictionary<string, string>
        {
            ["a1"] = "yes", ["a2"] = "yes",  // a = 5
            ["b1"] = "no", ["b2"] = "no",    // b = 1
            ["c1"] = "yes", ["c2"] = "no",   // c = 3
            ["d1"] = "no", ["d2"] = "yes",   // d = 3 (tie with c; c comes first in the file)
            ["e1"] = "yes",                  // e = 5
        };

        var result = DiagnosisScorer.Score(FiveAreas, answers);

        Assert.Equal(["b", "c", "d"], result.Weakest.Select(w => w.Area.Id));
        Assert.Equal(["b", "c", "d"], result.PlanAreas.Select(w => w.Area.Area.Id));
        Assert.Equal(["Topik B1", "Topik C1", "Topik D1"], result.PlanTopics.Select(t => t.Get("id")));
    }

    [Fact]
    public void Score_PlansAtMostThreeAreas_WhenMoreThanThreeAreWeak()
    {
        var answers = new Dictionary<string, string>
        {
            ["a1"] = "no",
            ["b1"] = "no", ["b2"] = "no",
            ["c1"] = "no", ["c2"] = "no",
            ["d1"] = "no", ["d2"] = "no",
            ["e1"] = "yes",
        };

        var result = DiagnosisScorer.Score(FiveAreas, answers);

        Assert.Equal(3, result.Weakest.Count);
        Assert.Equal(["a", "b", "c"], result.PlanAreas.Select(w => w.Area.Area.Id));
        Assert.Equal(["Topic A1", "Topic A2", "Topic B1", "Topic C1"], result.PlanTopics.Select(t => t.Get("en")));
    }

    [Fact]
    public void Score_StillPlansWeakestThree_WhenAllAreasAreStrong()
    {
        var answers = FiveAreas.Questions.Where(q => q.Type == QuestionType.YesNo).ToDictionary(q => q.Id, _ => "yes");
        answers["a3"] = "y";
        answers["b2"] = "no";

        var result = DiagnosisScorer.Score(FiveAreas, answers);

        Assert.Equal(3.0m, ScoreOf(result, "b"));
        Assert.Equal(3, result.PlanAreas.Count);
        Assert.Equal("b", result.Weakest[0].Area.Id);
    }

    /// <summary>Area p has five topics, two of them with a condition; area q's only topic is for owners without a brand.</summary>
    private static readonly Questionnaire Conditional = TestQuestionnaires.Load("""
        id: conditional
        version: "1"
        title: Bersyarat
        areas:
          - id: p
            label: P
            plan:
              - topic: { id: Mengurus NIB, en: Getting an NIB }
                unless: ${nib} = 'yes'
              - { id: Topik P2, en: Topic P2 }
              - topic: { id: WhatsApp Business, en: WhatsApp Business }
                unless: selected(${channels}, 'wa')
              - { id: Topik P4, en: Topic P4 }
              - { id: Topik P5, en: Topic P5 }
          - id: q
            label: Q
            plan:
              - topic: { id: Membuat logo, en: Creating a logo }
                unless: ${brand} = 'yes'
          - { id: r, label: R, plan: [ { id: Topik R1, en: Topic R1 } ] }
          - { id: s, label: S, plan: [ { id: Topik S1, en: Topic S1 } ] }
        questions:
          - { id: nib, type: yes_no, area: p, label: NIB?, score: { yes: 2, no: 1 } }
          - id: channels
            type: select_multiple
            label: Channels
            choices:
              - { value: wa, label: WhatsApp }
              - { value: fb, label: Facebook }
          - { id: brand, type: yes_no, area: q, label: Brand?, score: { yes: 2, no: 1 } }
          - { id: r1, type: yes_no, area: r, label: R1, score: { yes: 5, no: 3 } }
          - { id: s1, type: yes_no, area: s, label: S1, score: { yes: 5, no: 4 } }
        """);

    [Fact]
    public void Score_LeavesOutTopicsTheOwnerHas_AndKeepsAtMostThreePerArea()
    {
        var withoutAnything = DiagnosisScorer.Score(Conditional, new Dictionary<string, string> { ["nib"] = "no", ["channels"] = "fb", ["brand"] = "no", ["r1"] = "no", ["s1"] = "no" });
        var withNibAndWhatsApp = DiagnosisScorer.Score(Conditional, new Dictionary<string, string> { ["nib"] = "yes", ["channels"] = "wa fb", ["brand"] = "no", ["r1"] = "no", ["s1"] = "no" });

        Assert.Equal(["Getting an NIB", "Topic P2", "WhatsApp Business"], TopicsOf(withoutAnything, "p"));
        Assert.Equal(["Topic P2", "Topic P4", "Topic P5"], TopicsOf(withNibAndWhatsApp, "p"));
    }

    [Fact]
    public void Score_SkipsAWeakAreaWithNothingLeftToTeach_AndPlansTheNextWeakest()
    {
        // q (brand: yes = 2) is among the weakest, but its only topic is a logo, which the owner has.
        var result = DiagnosisScorer.Score(Conditional, new Dictionary<string, string> { ["nib"] = "no", ["channels"] = "fb", ["brand"] = "yes", ["r1"] = "no", ["s1"] = "no" });

        Assert.Equal(["p", "q", "r"], result.Weakest.Select(w => w.Area.Id));
        Assert.Equal(["p", "r", "s"], result.PlanAreas.Select(a => a.Area.Area.Id));
        Assert.DoesNotContain("Creating a logo", result.PlanTopics.Select(t => t.Get("en")));
    }

    private static IEnumerable<string> TopicsOf(DiagnosisResult result, string area) =>
        result.PlanAreas.Single(a => a.Area.Area.Id == area).Topics.Select(t => t.Get("en"));
}
