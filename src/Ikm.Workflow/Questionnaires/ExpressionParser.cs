using System.Globalization;

namespace Ikm.Workflow.Questionnaires;

/// <summary>Why an expression in a questionnaire file does not parse.</summary>
public enum ExpressionErrorKind
{
    Empty,
    UnexpectedCharacter,
    UnterminatedText,
    BadReference,
    UnknownWord,
    UnknownFunction,
    WrongArgumentCount,
    UnexpectedToken,
    UnexpectedEnd,
}

/// <summary>A syntax error at <see cref="Position"/> (0-based character offset in the expression).</summary>
public sealed record ExpressionError(ExpressionErrorKind Kind, int Position, string Detail);

/// <summary>
/// Parses the XLSForm subset used in <c>relevant</c> and <c>constraint</c>:
/// <c>${q}</c>, <c>.</c>, numbers, 'text', = != &lt; &lt;= &gt; &gt;=, + - * div mod, and/or/not, parentheses,
/// selected(), count-selected(), string-length(), true(), false().
/// </summary>
internal sealed class ExpressionParser
{
    private static readonly Dictionary<string, int> Functions = new(StringComparer.Ordinal)
    {
        ["selected"] = 2,
        ["count-selected"] = 1,
        ["string-length"] = 1,
        ["not"] = 1,
        ["true"] = 0,
        ["false"] = 0,
    };

    private readonly List<Token> _tokens;
    private int _next;

    private ExpressionParser(List<Token> tokens) => _tokens = tokens;

    public static ExpressionNode Parse(string source)
    {
        var tokens = Tokenize(source);
        if (tokens.Count == 1)
            throw new ExpressionSyntaxException(new ExpressionError(ExpressionErrorKind.Empty, 0, ""));
        var parser = new ExpressionParser(tokens);
        var node = parser.ParseOr();
        var end = parser.Peek();
        if (end.Kind != TokenKind.End)
            throw new ExpressionSyntaxException(new ExpressionError(ExpressionErrorKind.UnexpectedToken, end.Position, end.Text));
        return node;
    }

    private ExpressionNode ParseOr()
    {
        var left = ParseAnd();
        while (PeekWord("or"))
        {
            _next++;
            left = new BinaryNode(BinaryOperator.Or, left, ParseAnd());
        }
        return left;
    }

    private ExpressionNode ParseAnd()
    {
        var left = ParseNot();
        while (PeekWord("and"))
        {
            _next++;
            left = new BinaryNode(BinaryOperator.And, left, ParseNot());
        }
        return left;
    }

    /// <summary>"not x = 1" negates the comparison; "not(x)" is the XLSForm function and parses the same way.</summary>
    private ExpressionNode ParseNot()
    {
        if (PeekWord("not"))
        {
            _next++;
            return new NotNode(ParseNot());
        }
        return ParseComparison();
    }

    private ExpressionNode ParseComparison()
    {
        var left = ParseAdditive();
        var token = Peek();
        if (token.Kind != TokenKind.Operator)
            return left;
        BinaryOperator? op = token.Text switch
        {
            "=" => BinaryOperator.Equal,
            "!=" => BinaryOperator.NotEqual,
            "<" => BinaryOperator.Less,
            "<=" => BinaryOperator.LessOrEqual,
            ">" => BinaryOperator.Greater,
            ">=" => BinaryOperator.GreaterOrEqual,
            _ => null,
        };
        if (op is null)
            return left;
        _next++;
        return new BinaryNode(op.Value, left, ParseAdditive());
    }

    private ExpressionNode ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Peek() is { Kind: TokenKind.Operator, Text: "+" or "-" } token)
        {
            _next++;
            var op = token.Text == "+" ? BinaryOperator.Add : BinaryOperator.Subtract;
            left = new BinaryNode(op, left, ParseMultiplicative());
        }
        return left;
    }

    private ExpressionNode ParseMultiplicative()
    {
        var left = ParseUnary();
        while (true)
        {
            BinaryOperator op;
            if (Peek() is { Kind: TokenKind.Operator, Text: "*" })
                op = BinaryOperator.Multiply;
            else if (PeekWord("div"))
                op = BinaryOperator.Divide;
            else if (PeekWord("mod"))
                op = BinaryOperator.Modulo;
            else
                return left;
            _next++;
            left = new BinaryNode(op, left, ParseUnary());
        }
    }

    private ExpressionNode ParseUnary()
    {
        if (Peek() is { Kind: TokenKind.Operator, Text: "-" })
        {
            _next++;
            return new NegateNode(ParseUnary());
        }
        return ParsePrimary();
    }

    private ExpressionNode ParsePrimary()
    {
        var token = Next();
        switch (token.Kind)
        {
            case TokenKind.Number:
                return new LiteralNode(ExpressionValue.OfNumber(decimal.Parse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)));
            case TokenKind.Text:
                return new LiteralNode(ExpressionValue.OfText(token.Text));
            case TokenKind.Reference:
                return new ReferenceNode(token.Text);
            case TokenKind.Self:
                return new SelfNode();
            case TokenKind.OpenParen:
                var inner = ParseOr();
                Expect(TokenKind.CloseParen);
                return inner;
            case TokenKind.Word:
                return ParseCall(token);
            case TokenKind.End:
                throw new ExpressionSyntaxException(new ExpressionError(ExpressionErrorKind.UnexpectedEnd, token.Position, ""));
            default:
                throw new ExpressionSyntaxException(new ExpressionError(ExpressionErrorKind.UnexpectedToken, token.Position, token.Text));
        }
    }

    private ExpressionNode ParseCall(Token name)
    {
        if (Peek().Kind != TokenKind.OpenParen)
            throw new ExpressionSyntaxException(new ExpressionError(ExpressionErrorKind.UnknownWord, name.Position, name.Text));
        if (!Functions.TryGetValue(name.Text, out var arity))
            throw new ExpressionSyntaxException(new ExpressionError(ExpressionErrorKind.UnknownFunction, name.Position, name.Text));
        _next++;
        var arguments = new List<ExpressionNode>();
        if (Peek().Kind != TokenKind.CloseParen)
        {
            arguments.Add(ParseOr());
            while (Peek().Kind == TokenKind.Comma)
            {
                _next++;
                arguments.Add(ParseOr());
            }
        }
        Expect(TokenKind.CloseParen);
        if (arguments.Count != arity)
            throw new ExpressionSyntaxException(new ExpressionError(ExpressionErrorKind.WrongArgumentCount, name.Position, name.Text));
        return name.Text == "not" ? new NotNode(arguments[0]) : new CallNode(name.Text, arguments);
    }

    private void Expect(TokenKind kind)
    {
        var token = Next();
        if (token.Kind == kind)
            return;
        throw new ExpressionSyntaxException(token.Kind == TokenKind.End
            ? new ExpressionError(ExpressionErrorKind.UnexpectedEnd, token.Position, "")
            : new ExpressionError(ExpressionErrorKind.UnexpectedToken, token.Position, token.Text));
    }

    private Token Peek() => _tokens[_next];

    private Token Next() => _tokens[_next < _tokens.Count - 1 ? _next++ : _next];

    /// <summary>A keyword (and, or, not, div, mod) — not a function call like not(…), which ParseNot also takes.</summary>
    private bool PeekWord(string word) => Peek() is { Kind: TokenKind.Word } t && t.Text == word;

    private static List<Token> Tokenize(string source)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            var start = i;
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '$')
            {
                if (i + 1 >= source.Length || source[i + 1] != '{')
                    throw new ExpressionSyntaxException(new ExpressionError(ExpressionErrorKind.BadReference, start, "$"));
                var close = source.IndexOf('}', i + 2);
                if (close < 0)
                    throw new ExpressionSyntaxException(new ExpressionError(ExpressionErrorKind.BadReference, start, source[start..]));
                var name = source[(i + 2)..close].Trim();
                if (name.Length == 0 || !name.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '_'))
                    throw new ExpressionSyntaxException(new ExpressionError(ExpressionErrorKind.BadReference, start, source[start..(close + 1)]));
                tokens.Add(new Token(TokenKind.Reference, name, start));
                i = close + 1;
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < source.Length && char.IsAsciiDigit(source[i + 1])))
            {
                while (i < source.Length && char.IsAsciiDigit(source[i]))
                    i++;
                if (i < source.Length && source[i] == '.')
                {
                    i++;
                    while (i < source.Length && char.IsAsciiDigit(source[i]))
                        i++;
                }
                tokens.Add(new Token(TokenKind.Number, source[start..i], start));
            }
            else if (c == '.')
            {
                tokens.Add(new Token(TokenKind.Self, ".", start));
                i++;
            }
            else if (c is '\'' or '"')
            {
                var close = source.IndexOf(c, i + 1);
                if (close < 0)
                    throw new ExpressionSyntaxException(new ExpressionError(ExpressionErrorKind.UnterminatedText, start, source[start..]));
                tokens.Add(new Token(TokenKind.Text, source[(i + 1)..close], start));
                i = close + 1;
            }
            else if (char.IsAsciiLetter(c))
            {
                // Function names carry hyphens (count-selected); a hyphen counts only when a letter follows.
                while (i < source.Length && (char.IsAsciiLetter(source[i]) || char.IsAsciiDigit(source[i]) || source[i] == '_'
                       || (source[i] == '-' && i + 1 < source.Length && char.IsAsciiLetter(source[i + 1]))))
                    i++;
                tokens.Add(new Token(TokenKind.Word, source[start..i], start));
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(new Token(c == '(' ? TokenKind.OpenParen : c == ')' ? TokenKind.CloseParen : TokenKind.Comma, c.ToString(), start));
                i++;
            }
            else if (c is '=' or '<' or '>' or '!' or '+' or '-' or '*')
            {
                var two = i + 1 < source.Length ? source.Substring(i, 2) : "";
                if (two is "!=" or "<=" or ">=" or "<>")
                {
                    tokens.Add(new Token(TokenKind.Operator, two == "<>" ? "!=" : two, start));
                    i += 2;
                }
                else if (c == '!')
                {
                    throw new ExpressionSyntaxException(new ExpressionError(ExpressionErrorKind.UnexpectedCharacter, start, "!"));
                }
                else
                {
                    // "==" is a common slip from programming languages; XLSForm's "=" means the same.
                    tokens.Add(new Token(TokenKind.Operator, c.ToString(), start));
                    i += two == "==" ? 2 : 1;
                }
            }
            else
            {
                throw new ExpressionSyntaxException(new ExpressionError(ExpressionErrorKind.UnexpectedCharacter, start, c.ToString()));
            }
        }
        tokens.Add(new Token(TokenKind.End, "", source.Length));
        return tokens;
    }

    private enum TokenKind
    {
        Number,
        Text,
        Reference,
        Self,
        Word,
        OpenParen,
        CloseParen,
        Comma,
        Operator,
        End,
    }

    private readonly record struct Token(TokenKind Kind, string Text, int Position);
}

internal sealed class ExpressionSyntaxException(ExpressionError error) : Exception(error.Kind.ToString())
{
    public ExpressionError Error { get; } = error;
}
