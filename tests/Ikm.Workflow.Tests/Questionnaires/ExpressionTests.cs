using Ikm.Workflow.Questionnaires;

namespace Ikm.Workflow.Tests.Questionnaires;

public sealed class ExpressionTests
{
    private static readonly Dictionary<string, string> Answers = new()
    {
        ["has_bank_account"] = "yes",
        ["legality"] = "nib pirt",
        ["workers"] = "8",
        ["turnover"] = "1500000",
        ["started"] = "2019-05-01",
        ["notes"] = "",
    };

    [Theory]
    [InlineData("${has_bank_account} = 'yes'", true)]
    [InlineData("${has_bank_account} = \"yes\"", true)]
    [InlineData("${has_bank_account} == 'yes'", true)]
    [InlineData("${has_bank_account} != 'yes'", false)]
    [InlineData("${has_bank_account} <> 'no'", true)]
    [InlineData("selected(${legality}, 'pirt')", true)]
    [InlineData("selected(${legality}, 'halal')", false)]
    [InlineData("selected(${legality}, 'nib') and selected(${legality}, 'pirt')", true)]
    [InlineData("count-selected(${legality}) = 2", true)]
    [InlineData("${workers} > 5", true)]
    [InlineData("${workers} > 10", false)]
    [InlineData("${workers} >= 8 and ${workers} <= 8", true)]
    [InlineData("${workers} < 5 or ${has_bank_account} = 'yes'", true)]
    [InlineData("not(${has_bank_account} = 'yes')", false)]
    [InlineData("not ${workers} > 10", true)]
    [InlineData("(${workers} > 10 or ${workers} < 2) and ${has_bank_account} = 'yes'", false)]
    [InlineData("${workers} > 10 or ${workers} < 20 and ${has_bank_account} = 'no'", false)]
    [InlineData("${turnover} div ${workers} > 100000", true)]
    [InlineData("${workers} * 2 = 16", true)]
    [InlineData("${workers} - 10 < 0", true)]
    [InlineData("${workers} mod 3 = 2", true)]
    [InlineData("${workers} = 8.0", true)]
    [InlineData("${started} < '2020-01-01'", true)]
    [InlineData("${notes} = ''", true)]
    [InlineData("${missing} = ''", true)]
    [InlineData("${missing} > 5", false)]
    [InlineData("${missing} < 5", false)]
    [InlineData("string-length(${has_bank_account}) = 3", true)]
    [InlineData("${has_bank_account}", true)]
    [InlineData("${notes}", false)]
    [InlineData("true()", true)]
    [InlineData("false() or -1 < 0", true)]
    [InlineData("${workers} div 0 > 1", false)]
    public void Evaluate_ReturnsXlsFormResult_WhenAnswersGiven(string source, bool expected)
    {
        Assert.Equal(expected, Expression.Parse(source).Evaluate(Answers));
    }

    [Theory]
    [InlineData(". >= 0 and . <= 1000", "500", true)]
    [InlineData(". >= 0 and . <= 1000", "1001", false)]
    [InlineData(". >= 0 and . <= 1000", "-1", false)]
    [InlineData(". > .5", "0.75", true)]
    [InlineData("string-length(.) <= 5", "abcdef", false)]
    [InlineData("not(selected(., 'none') and count-selected(.) > 1)", "none nib", false)]
    [InlineData("not(selected(., 'none') and count-selected(.) > 1)", "none", true)]
    [InlineData(". <= ${workers}", "3", true)]
    [InlineData(". <= ${workers}", "30", false)]
    public void Evaluate_ChecksOwnAnswer_WhenConstraint(string source, string self, bool expected)
    {
        Assert.Equal(expected, Expression.Parse(source).Evaluate(Answers, self));
    }

    [Fact]
    public void Parse_ListsReferencesOnce_WhenNamedTwice()
    {
        var expression = Expression.Parse("${a} = 'x' or (${b} > 2 and ${a} != 'y')");

        Assert.Equal(["a", "b"], expression.References);
        Assert.False(expression.UsesSelf);
        Assert.True(Expression.Parse(". > ${a}").UsesSelf);
    }

    [Theory]
    [InlineData("", ExpressionErrorKind.Empty, 0)]
    [InlineData("${a} =", ExpressionErrorKind.UnexpectedEnd, 6)]
    [InlineData("${a} = 'x", ExpressionErrorKind.UnterminatedText, 7)]
    [InlineData("${a} = x", ExpressionErrorKind.UnknownWord, 7)]
    [InlineData("${a} = 1 ; 2", ExpressionErrorKind.UnexpectedCharacter, 9)]
    [InlineData("${} = 1", ExpressionErrorKind.BadReference, 0)]
    [InlineData("${a = 1", ExpressionErrorKind.BadReference, 0)]
    [InlineData("today() > 1", ExpressionErrorKind.UnknownFunction, 0)]
    [InlineData("selected(${a}, 'x', 'y')", ExpressionErrorKind.WrongArgumentCount, 0)]
    [InlineData("${a} = = 1", ExpressionErrorKind.UnexpectedToken, 7)]
    [InlineData("${a} ! 1", ExpressionErrorKind.UnexpectedCharacter, 5)]
    public void TryParse_ReportsKindAndPosition_WhenSyntaxWrong(string source, ExpressionErrorKind kind, int position)
    {
        Assert.False(Expression.TryParse(source, out _, out var error));
        Assert.Equal(kind, error.Kind);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Parse_Throws_WhenInvalidBuiltInExpression()
    {
        Assert.Throws<FormatException>(() => Expression.Parse("${a} ="));
    }
}
