using System.Diagnostics.CodeAnalysis;

namespace Ikm.Workflow.Questionnaires;

/// <summary>
/// A parsed <c>relevant</c> or <c>constraint</c> expression (XLSForm style), e.g.
/// <c>${has_bank_account} = 'yes'</c>, <c>selected(${legality}, 'pirt')</c>, <c>. &gt;= 0 and . &lt;= 1000</c>.
/// </summary>
public sealed class Expression
{
    private readonly ExpressionNode _root;

    private Expression(string source, ExpressionNode root)
    {
        Source = source;
        _root = root;
        var references = new List<string>();
        var comparisons = new List<ChoiceComparison>();
        var numbers = new List<NumberComparison>();
        Walk(root, references, comparisons, numbers);
        References = references.Distinct(StringComparer.Ordinal).ToList();
        UsesSelf = ContainsSelf(root);
        ChoiceComparisons = comparisons;
        NumberComparisons = numbers;
    }

    public string Source { get; }

    /// <summary>Question ids named with <c>${…}</c>, in order of first use.</summary>
    public IReadOnlyList<string> References { get; }

    /// <summary>True when the expression reads <c>.</c>, the answer being checked.</summary>
    public bool UsesSelf { get; }

    /// <summary>
    /// Places where an answer is compared with a literal choice value (<c>${q} = 'yes'</c>, <c>selected(${q}, 'pirt')</c>),
    /// so the loader can refuse a value the question does not offer. <see cref="ChoiceComparison.Question"/> is null for ".".
    /// </summary>
    internal IReadOnlyList<ChoiceComparison> ChoiceComparisons { get; }

    /// <summary>Answers compared with a number (<c>${workers} &gt; 5</c>): where skip logic on a number turns.</summary>
    internal IReadOnlyList<NumberComparison> NumberComparisons { get; }

    public static bool TryParse(string source, [NotNullWhen(true)] out Expression? expression, [NotNullWhen(false)] out ExpressionError? error)
    {
        try
        {
            expression = new Expression(source, ExpressionParser.Parse(source));
            error = null;
            return true;
        }
        catch (ExpressionSyntaxException e)
        {
            expression = null;
            error = e.Error;
            return false;
        }
    }

    /// <summary>Parses an expression known to be valid (tests, built-in questionnaires); a bad one is a bug.</summary>
    public static Expression Parse(string source) =>
        TryParse(source, out var expression, out var error)
            ? expression
            : throw new FormatException($"Invalid expression at {error.Position}: {error.Kind} '{error.Detail}'.");

    /// <param name="answers">Stored answers by question id; a missing one reads as "".</param>
    /// <param name="self">The answer a constraint checks; "" when absent.</param>
    public bool Evaluate(IReadOnlyDictionary<string, string> answers, string? self = null) =>
        Eval(_root, answers, self ?? "").AsBoolean();

    public override string ToString() => Source;

    private static ExpressionValue Eval(ExpressionNode node, IReadOnlyDictionary<string, string> answers, string self) => node switch
    {
        LiteralNode literal => literal.Value,
        ReferenceNode reference => ExpressionValue.OfText(answers.GetValueOrDefault(reference.Name, "")),
        SelfNode => ExpressionValue.OfText(self),
        NotNode not => ExpressionValue.OfBoolean(!Eval(not.Operand, answers, self).AsBoolean()),
        NegateNode negate => ExpressionValue.OfNumber(-Eval(negate.Operand, answers, self).AsNumber()),
        BinaryNode binary => EvalBinary(binary, answers, self),
        CallNode call => EvalCall(call, answers, self),
        _ => throw new InvalidOperationException($"Unknown expression node {node.GetType().Name}."),
    };

    private static ExpressionValue EvalBinary(BinaryNode node, IReadOnlyDictionary<string, string> answers, string self)
    {
        switch (node.Operator)
        {
            case BinaryOperator.Or:
                return ExpressionValue.OfBoolean(Eval(node.Left, answers, self).AsBoolean() || Eval(node.Right, answers, self).AsBoolean());
            case BinaryOperator.And:
                return ExpressionValue.OfBoolean(Eval(node.Left, answers, self).AsBoolean() && Eval(node.Right, answers, self).AsBoolean());
        }

        var left = Eval(node.Left, answers, self);
        var right = Eval(node.Right, answers, self);
        return node.Operator switch
        {
            BinaryOperator.Equal => ExpressionValue.OfBoolean(AreEqual(left, right)),
            BinaryOperator.NotEqual => ExpressionValue.OfBoolean(!AreEqual(left, right)),
            BinaryOperator.Less => ExpressionValue.OfBoolean(Compare(left, right) is < 0),
            BinaryOperator.LessOrEqual => ExpressionValue.OfBoolean(Compare(left, right) is <= 0),
            BinaryOperator.Greater => ExpressionValue.OfBoolean(Compare(left, right) is > 0),
            BinaryOperator.GreaterOrEqual => ExpressionValue.OfBoolean(Compare(left, right) is >= 0),
            _ => ExpressionValue.OfNumber(Arithmetic(node.Operator, left.AsNumber(), right.AsNumber())),
        };
    }

    private static bool AreEqual(ExpressionValue left, ExpressionValue right)
    {
        if (left.Kind == ValueKind.Boolean || right.Kind == ValueKind.Boolean)
            return left.AsBoolean() == right.AsBoolean();
        if (left.Kind == ValueKind.Number || right.Kind == ValueKind.Number)
            return left.AsNumber() is { } l && right.AsNumber() is { } r && l == r;
        return string.Equals(left.Text, right.Text, StringComparison.Ordinal);
    }

    /// <summary>Numbers compare as numbers; two texts compare ordinally (ISO dates order correctly); null = not comparable.</summary>
    private static int? Compare(ExpressionValue left, ExpressionValue right)
    {
        if (left.Kind == ValueKind.Text && right.Kind == ValueKind.Text
            && (left.AsNumber() is null || right.AsNumber() is null))
            return left.Text.Length == 0 || right.Text.Length == 0 ? null : string.CompareOrdinal(left.Text, right.Text);
        return left.AsNumber() is { } l && right.AsNumber() is { } r ? l.CompareTo(r) : null;
    }

    private static decimal? Arithmetic(BinaryOperator op, decimal? left, decimal? right)
    {
        if (left is not { } l || right is not { } r)
            return null;
        try
        {
            return op switch
            {
                BinaryOperator.Add => l + r,
                BinaryOperator.Subtract => l - r,
                BinaryOperator.Multiply => l * r,
                BinaryOperator.Divide => r == 0 ? null : l / r,
                BinaryOperator.Modulo => r == 0 ? null : l % r,
                _ => throw new InvalidOperationException($"Not an arithmetic operator: {op}."),
            };
        }
        catch (OverflowException)
        {
            // Absurd answers (huge amounts multiplied) behave like XPath's NaN: every comparison is false.
            return null;
        }
    }

    private static ExpressionValue EvalCall(CallNode call, IReadOnlyDictionary<string, string> answers, string self)
    {
        var arguments = call.Arguments.Select(a => Eval(a, answers, self)).ToList();
        return call.Function switch
        {
            "selected" => ExpressionValue.OfBoolean(SplitSelection(arguments[0].AsText()).Contains(arguments[1].AsText().Trim(), StringComparer.Ordinal)),
            "count-selected" => ExpressionValue.OfNumber(SplitSelection(arguments[0].AsText()).Length),
            "string-length" => ExpressionValue.OfNumber(arguments[0].AsText().Length),
            "true" => ExpressionValue.OfBoolean(true),
            "false" => ExpressionValue.OfBoolean(false),
            _ => throw new InvalidOperationException($"Unknown function {call.Function}."),
        };
    }

    /// <summary>A select_multiple answer is stored as space-separated choice values, as in XLSForm.</summary>
    internal static string[] SplitSelection(string stored) =>
        stored.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void Walk(ExpressionNode node, List<string> references, List<ChoiceComparison> comparisons, List<NumberComparison> numbers)
    {
        switch (node)
        {
            case ReferenceNode reference:
                references.Add(reference.Name);
                break;
            case NotNode not:
                Walk(not.Operand, references, comparisons, numbers);
                break;
            case NegateNode negate:
                Walk(negate.Operand, references, comparisons, numbers);
                break;
            case BinaryNode binary:
                if (binary.Operator is BinaryOperator.Equal or BinaryOperator.NotEqual)
                {
                    AddComparison(binary.Left, binary.Right, comparisons);
                    AddComparison(binary.Right, binary.Left, comparisons);
                }
                if (binary.Operator is >= BinaryOperator.Equal and <= BinaryOperator.GreaterOrEqual)
                {
                    AddNumber(binary.Left, binary.Right, numbers);
                    AddNumber(binary.Right, binary.Left, numbers);
                }
                Walk(binary.Left, references, comparisons, numbers);
                Walk(binary.Right, references, comparisons, numbers);
                break;
            case CallNode call:
                if (call.Function == "selected")
                    AddComparison(call.Arguments[0], call.Arguments[1], comparisons);
                foreach (var argument in call.Arguments)
                    Walk(argument, references, comparisons, numbers);
                break;
        }
    }

    private static void AddComparison(ExpressionNode answer, ExpressionNode literal, List<ChoiceComparison> comparisons)
    {
        if (literal is not LiteralNode { Value.Kind: ValueKind.Text } text)
            return;
        if (answer is ReferenceNode reference)
            comparisons.Add(new ChoiceComparison(reference.Name, text.Value.Text));
        else if (answer is SelfNode)
            comparisons.Add(new ChoiceComparison(null, text.Value.Text));
    }

    private static void AddNumber(ExpressionNode answer, ExpressionNode literal, List<NumberComparison> numbers)
    {
        if (answer is ReferenceNode reference && literal is LiteralNode { Value: { Kind: ValueKind.Number, Number: { } number } })
            numbers.Add(new NumberComparison(reference.Name, number));
    }

    private static bool ContainsSelf(ExpressionNode node) => node switch
    {
        SelfNode => true,
        NotNode not => ContainsSelf(not.Operand),
        NegateNode negate => ContainsSelf(negate.Operand),
        BinaryNode binary => ContainsSelf(binary.Left) || ContainsSelf(binary.Right),
        CallNode call => call.Arguments.Any(ContainsSelf),
        _ => false,
    };
}

/// <summary>An answer compared with a literal value; <see cref="Question"/> null means ".".</summary>
internal sealed record ChoiceComparison(string? Question, string Value);

/// <summary>An earlier answer compared with a number literal.</summary>
internal sealed record NumberComparison(string Question, decimal Value);
