using Ikm.Workflow.Questionnaires;

namespace Ikm.Workflow.Tests.Questionnaires;

/// <summary>Small questionnaires written for the tests, so each test reads its own skip logic and scores.</summary>
internal static class TestQuestionnaires
{
    /// <summary>
    /// Skip logic of every kind: a yes_no gate (bank → credit), a numeric comparison (workers &gt; 5), selected() on
    /// a select_multiple, and/or; scores in three areas.
    /// </summary>
    public const string Sample = """
        id: sample
        version: "1"
        title: { id: Contoh, en: Sample }
        areas:
          - id: finance
            label: { id: Keuangan, en: Finance }
            plan:
              - { id: Buku kas, en: Cash book }
              - { id: Persiapan KUR, en: Credit preparation }
          - id: legality
            label: { id: Perizinan, en: Licensing }
            plan:
              - { id: Mengurus NIB, en: Getting an NIB }
          - id: people
            label: { id: SDM, en: People }
            plan:
              - { id: Pembagian tugas, en: Division of tasks }
        questions:
          - id: has_bank_account
            type: yes_no
            area: finance
            label: { id: Punya rekening bank?, en: Have a bank account? }
            score: { yes: 4, no: 1 }
          - id: had_credit
            type: yes_no
            area: finance
            relevant: ${has_bank_account} = 'yes'
            label: { id: Pernah dapat kredit bank?, en: Ever had bank credit? }
            score: { yes: 5, no: 2 }
          - id: workers
            type: integer
            label: { id: Berapa pekerja?, en: How many workers? }
            constraint: . >= 0 and . <= 1000
            constraint_message: { id: "Antara 0 dan 1.000 orang.", en: "Between 0 and 1,000 people." }
          - id: has_roles
            type: yes_no
            area: people
            relevant: ${workers} > 5
            label: { id: Ada pembagian tugas?, en: Are tasks divided? }
            score: { yes: 5, no: 1 }
          - id: legality
            type: select_multiple
            area: legality
            label: { id: Izin yang dimiliki, en: Permits held }
            choices:
              - { value: none, score: 1, label: { id: Belum ada, en: None } }
              - { value: nib, score: 3, label: { id: NIB, en: NIB } }
              - { value: pirt, score: 4, label: { id: PIRT, en: PIRT } }
              - { value: halal, score: 5, label: { id: Halal, en: Halal } }
            constraint: not(selected(., 'none') and count-selected(.) > 1)
          - id: pirt_year
            type: integer
            relevant: selected(${legality}, 'pirt') and (${workers} >= 1 or ${has_bank_account} = 'yes')
            required: false
            label: { id: Tahun PIRT terbit?, en: Year the PIRT was issued? }
          - id: notes
            type: text
            required: false
            label: { id: Catatan, en: Notes }
        """;

    public static Questionnaire Load(string yaml)
    {
        var result = QuestionnaireLoader.Load(yaml, "test.yaml");
        Assert.True(result.IsSuccess, string.Join(Environment.NewLine, result.Errors));
        return result.Questionnaire;
    }

    /// <summary>A one-question questionnaire around the given question YAML (indented as a list item under questions).</summary>
    public static Question Single(string questionYaml)
    {
        var yaml = """
            id: single
            version: "1"
            title: Satu
            areas:
              - id: finance
                label: Keuangan
            questions:

            """ + questionYaml;
        return Load(yaml).Questions[0];
    }
}
