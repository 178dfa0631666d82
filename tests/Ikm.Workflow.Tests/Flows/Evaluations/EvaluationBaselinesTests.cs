using Ikm.Workflow.Flows.Evaluations;
using Ikm.Workflow.Mentoring;

namespace Ikm.Workflow.Tests.Flows.Evaluations;

public sealed class EvaluationBaselinesTests
{
    [Fact]
    public void Baselines_AnswerPerArea_WhatTheDiagnosisAndLastMonthSaid()
    {
        var baselines = new EvaluationBaselines(
            new Dictionary<string, double> { ["production"] = 1.5 },
            new Evaluation { Areas = [new AreaEvaluation { AreaId = "quality", Score = 3 }] });

        Assert.Equal((1.5, null), (baselines.Diagnosis("production"), baselines.Previous("production")));
        Assert.Equal((null, 3), (baselines.Diagnosis("quality"), baselines.Previous("quality")));
        Assert.Equal((null, null), (new EvaluationBaselines(new Dictionary<string, double>(), null).Diagnosis("quality"), new EvaluationBaselines(new Dictionary<string, double>(), null).Previous("quality")));
    }
}
