using System.Globalization;

namespace Ikm.Workflow.Questionnaires;

internal enum BinaryOperator
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
}

internal abstract record ExpressionNode;

internal sealed record LiteralNode(ExpressionValue Value) : ExpressionNode;

/// <summary><c>${name}</c>: the stored answer of an earlier question ("" when unanswered or not relevant).</summary>
internal sealed record ReferenceNode(string Name) : ExpressionNode;

/// <summary><c>.</c>: the answer being checked by a constraint.</summary>
internal sealed record SelfNode : ExpressionNode;

internal sealed record NotNode(ExpressionNode Operand) : ExpressionNode;

internal sealed record NegateNode(ExpressionNode Operand) : ExpressionNode;

internal sealed record BinaryNode(BinaryOperator Operator, ExpressionNode Left, ExpressionNode Right) : ExpressionNode;

internal sealed record CallNode(string Function, IReadOnlyList<ExpressionNode> Arguments) : ExpressionNode;

internal enum ValueKind
{
    Text,
    Number,
    Boolean,
}

/// <summary>
/// A value during evaluation, with XPath-like conversions: answers are text, numbers compare numerically when both
/// sides read as numbers, and a number that cannot be read (NaN) makes every comparison false.
/// </summary>
internal readonly record struct ExpressionValue(ValueKind Kind, string Text, decimal? Number, bool Boolean)
{
    public static ExpressionValue OfText(string text) => new(ValueKind.Text, text, null, false);

    public static ExpressionValue OfNumber(decimal? number) => new(ValueKind.Number, "", number, false);

    public static ExpressionValue OfBoolean(bool value) => new(ValueKind.Boolean, "", null, value);

    public bool AsBoolean() => Kind switch
    {
        ValueKind.Boolean => Boolean,
        ValueKind.Number => Number is { } n && n != 0,
        _ => Text.Length > 0,
    };

    /// <summary>Null stands for NaN: text that is not a number, or an empty answer.</summary>
    public decimal? AsNumber() => Kind switch
    {
        ValueKind.Number => Number,
        ValueKind.Boolean => Boolean ? 1 : 0,
        _ => decimal.TryParse(Text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) ? n : null,
    };

    public string AsText() => Kind switch
    {
        ValueKind.Text => Text,
        ValueKind.Boolean => Boolean ? "true" : "false",
        _ => Number is { } n ? n.ToString(CultureInfo.InvariantCulture) : "NaN",
    };
}
