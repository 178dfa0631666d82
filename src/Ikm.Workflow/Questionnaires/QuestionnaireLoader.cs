using System.Globalization;
using System.Text.RegularExpressions;
using Ikm.Workflow.Businesses;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ikm.Workflow.Questionnaires;

/// <summary>
/// Reads and validates a questionnaire YAML file (XLSForm-like). Every problem found is reported with its line;
/// a file with any error yields no questionnaire at all.
/// </summary>
/// <example>
/// <code>
/// id: diagnosis
/// version: "2025.1"
/// title: { id: Diagnosis Usaha, en: Business Diagnosis }
/// areas:
///   - id: finance
///     label: { id: Pembukuan, en: Bookkeeping }
///     plan:
///       - { id: Buku kas harian, en: Daily cash book }
/// questions:
///   - id: has_bank_account
///     type: yes_no
///     area: finance
///     label: { id: Punya rekening bank?, en: Do you have a bank account? }
///     score: { yes: 4, no: 1 }
///   - id: had_credit
///     type: yes_no
///     relevant: ${has_bank_account} = 'yes'
///     label: { id: Pernah dapat kredit bank?, en: Ever had a bank loan? }
/// </code>
/// </example>
public static partial class QuestionnaireLoader
{
    public static readonly IReadOnlyDictionary<string, QuestionType> TypeNames = new Dictionary<string, QuestionType>(StringComparer.Ordinal)
    {
        ["text"] = QuestionType.Text,
        ["integer"] = QuestionType.Integer,
        ["decimal"] = QuestionType.Decimal,
        ["money"] = QuestionType.Money,
        ["select_one"] = QuestionType.SelectOne,
        ["select_multiple"] = QuestionType.SelectMultiple,
        ["yes_no"] = QuestionType.YesNo,
        ["date"] = QuestionType.Date,
        ["location"] = QuestionType.Location,
        ["photo"] = QuestionType.Photo,
        ["phone"] = QuestionType.Phone,
    };

    private static readonly HashSet<string> TopKeys = ["id", "version", "title", "description", "areas", "questions"];
    private static readonly HashSet<string> AreaKeys = ["id", "label", "plan"];
    private static readonly HashSet<string> PlanTopicKeys = ["topic", "unless"];
    private static readonly HashSet<string> YesNoScoreKeys = ["yes", "no"];
    private static readonly HashSet<string> ChoiceKeys = ["value", "label", "score"];
    private static readonly HashSet<string> QuestionKeys =
        ["id", "type", "label", "hint", "choices", "required", "constraint", "constraint_message", "relevant", "area", "score", "score_method", "self_assessment", "prefill", "skip"];

    public static QuestionnaireLoadResult Load(string yaml, string sourceName) => new Reader(sourceName).Read(yaml);

    [GeneratedRegex(@"^[a-z][a-z0-9_]{0,23}$")]
    private static partial Regex IdRegex();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_\-]{0,23}$")]
    private static partial Regex ChoiceValueRegex();

    [GeneratedRegex(@"^[a-z]{2,3}$")]
    private static partial Regex LanguageRegex();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex YamlMarkPrefixRegex();

    /// <summary>
    /// A question's expressions, kept even when the question itself has errors, so that every wrong reference in
    /// the file is reported in one go.
    /// </summary>
    private sealed record ExpressionCheck(string QuestionId, int Index, Expression Expression, Mark At)
    {
        /// <summary>The question when it loaded without errors; needed to check "." against its own choices.</summary>
        public Question? Question { get; set; }
    }

    /// <summary>A plan topic's <c>unless:</c>, checked once every question is known (it may name any of them).</summary>
    private sealed record TopicCheck(Expression Expression, Mark At);

    private sealed class Reader(string source)
    {
        private readonly List<QuestionnaireError> _errors = [];
        private readonly List<TopicCheck> _topicChecks = [];

        public QuestionnaireLoadResult Read(string yaml)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(yaml));
            }
            catch (YamlException e)
            {
                // Broken YAML (bad indentation, an unclosed quote, a repeated key) is the file author's mistake, reported by line.
                Add(e.Start, QuestionnaireErrorKind.YamlSyntax, YamlMarkPrefixRegex().Replace(e.Message, ""));
                return QuestionnaireLoadResult.Failure(_errors);
            }

            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                var at = stream.Documents.Count == 0 ? Mark.Empty : stream.Documents[0].RootNode.Start;
                Add(at, QuestionnaireErrorKind.InvalidStructure, "id, version, title, areas, questions");
                return QuestionnaireLoadResult.Failure(_errors);
            }
            if (stream.Documents.Count > 1)
                Add(stream.Documents[1].RootNode.Start, QuestionnaireErrorKind.InvalidStructure, "---");

            CheckKeys(root, TopKeys);
            var id = RequiredScalar(root, "id");
            if (id is not null && !IdRegex().IsMatch(id.Value))
                Add(id.Start, QuestionnaireErrorKind.InvalidId, id.Value);
            var version = RequiredScalar(root, "version");
            var title = Localized(root, "title", required: true);
            var areas = ReadAreas(root);
            var questions = ReadQuestions(root, areas);
            CheckTopicConditions(questions);

            if (_errors.Count > 0 || id is null || version is null || title is null)
                return QuestionnaireLoadResult.Failure(_errors);
            return QuestionnaireLoadResult.Success(new Questionnaire(id.Value, version.Value, title, areas, questions));
        }

        private List<Area> ReadAreas(YamlMappingNode root)
        {
            var areas = new List<Area>();
            if (Get(root, "areas") is not { } node)
                return areas;
            if (node is not YamlSequenceNode sequence)
            {
                Add(node.Start, QuestionnaireErrorKind.InvalidStructure, "areas: - id: …");
                return areas;
            }

            foreach (var item in sequence)
            {
                if (item is not YamlMappingNode map)
                {
                    Add(item.Start, QuestionnaireErrorKind.InvalidStructure, "areas: - id: …");
                    continue;
                }
                CheckKeys(map, AreaKeys);
                var id = RequiredScalar(map, "id");
                var label = Localized(map, "label", required: true);
                var plan = new List<PlanTopic>();
                if (Get(map, "plan") is { } planNode)
                {
                    if (planNode is YamlSequenceNode topics)
                    {
                        foreach (var topic in topics)
                        {
                            if (ReadPlanTopic(topic) is { } planTopic)
                                plan.Add(planTopic);
                        }
                    }
                    else
                    {
                        Add(planNode.Start, QuestionnaireErrorKind.InvalidStructure, "plan: - { id: …, en: … }");
                    }
                }

                if (id is null || label is null)
                    continue;
                if (!IdRegex().IsMatch(id.Value))
                    Add(id.Start, QuestionnaireErrorKind.InvalidId, id.Value);
                else if (areas.Any(a => a.Id == id.Value))
                    Add(id.Start, QuestionnaireErrorKind.DuplicateArea, id.Value);
                else
                    areas.Add(new Area(id.Value, label, plan));
            }
            return areas;
        }

        /// <summary>Either a text (<c>- { id: …, en: … }</c>) or <c>- topic: { id: …, en: … }</c> with <c>unless: …</c>.</summary>
        private PlanTopic? ReadPlanTopic(YamlNode node)
        {
            if (node is not YamlMappingNode map || Get(map, "topic") is null)
                return LocalizedValue(node, "plan") is { } plain ? new PlanTopic(plain) : null;

            CheckKeys(map, PlanTopicKeys);
            var text = Localized(map, "topic", required: true);
            var unlessNode = OptionalScalar(map, "unless");
            var unless = ParseExpression(unlessNode);
            if (unless is not null)
            {
                if (unless.UsesSelf)
                    Add(unlessNode!.Start, QuestionnaireErrorKind.SelfValueNotAllowed, unless.Source);
                _topicChecks.Add(new TopicCheck(unless, unlessNode!.Start));
            }
            return text is null || (unlessNode is not null && unless is null) ? null : new PlanTopic(text, unless);
        }

        /// <summary>A topic's condition reads the answers at the end, so it may name any question — but only real ones and their real choices.</summary>
        private void CheckTopicConditions(List<Question> questions)
        {
            var byId = questions.GroupBy(q => q.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (var check in _topicChecks)
            {
                foreach (var reference in check.Expression.References.Where(r => !byId.ContainsKey(r)))
                    Add(check.At, QuestionnaireErrorKind.UnknownQuestionReference, reference);
                foreach (var comparison in check.Expression.ChoiceComparisons)
                {
                    if (comparison.Question is { } id && byId.GetValueOrDefault(id) is { HasChoices: true } target && target.FindChoice(comparison.Value) is null)
                        Add(check.At, QuestionnaireErrorKind.UnknownChoiceValue, $"'{comparison.Value}' ({target.Id})");
                }
            }
        }

        private List<Question> ReadQuestions(YamlMappingNode root, List<Area> areas)
        {
            var node = Get(root, "questions");
            if (node is null)
            {
                Add(root.Start, QuestionnaireErrorKind.MissingField, "questions");
                return [];
            }
            if (node is not YamlSequenceNode sequence || sequence.Children.Count == 0)
            {
                Add(node.Start, QuestionnaireErrorKind.NoQuestions, "");
                return [];
            }

            var questions = new List<Question>();
            var checks = new List<ExpressionCheck>();
            var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            var index = 0;
            foreach (var item in sequence)
            {
                if (item is not YamlMappingNode map)
                    Add(item.Start, QuestionnaireErrorKind.InvalidStructure, "questions: - id: …");
                else if (ReadQuestion(map, index, areas, firstIndex, checks) is { } question)
                    questions.Add(question);
                index++;
            }

            var loaded = questions.GroupBy(q => q.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (var check in checks)
                CheckExpression(check, firstIndex, loaded);
            return questions;
        }

        private Question? ReadQuestion(YamlMappingNode map, int index, List<Area> areas, Dictionary<string, int> firstIndex,
            List<ExpressionCheck> checks)
        {
            CheckKeys(map, QuestionKeys);
            var errorsBefore = _errors.Count;

            var id = RequiredScalar(map, "id");
            if (id is not null)
            {
                if (!IdRegex().IsMatch(id.Value))
                    Add(id.Start, QuestionnaireErrorKind.InvalidId, id.Value);
                else if (!firstIndex.TryAdd(id.Value, index))
                    Add(id.Start, QuestionnaireErrorKind.DuplicateId, id.Value);
            }
            var questionId = id?.Value ?? $"#{index + 1}";

            QuestionType? type = null;
            if (RequiredScalar(map, "type") is { } typeNode)
            {
                if (TypeNames.TryGetValue(typeNode.Value, out var t))
                    type = t;
                else
                    Add(typeNode.Start, QuestionnaireErrorKind.UnknownType, typeNode.Value);
            }

            var label = Localized(map, "label", required: true);
            var hint = Localized(map, "hint", required: false);
            var required = Boolean(map, "required", defaultValue: true);
            var skip = Localized(map, "skip", required: false);
            if (skip is not null && required)
                Add(Get(map, "skip")!.Start, QuestionnaireErrorKind.SkipOnRequired, questionId);
            var selfAssessment = Boolean(map, "self_assessment", defaultValue: false);

            string? area = null;
            if (OptionalScalar(map, "area") is { } areaNode)
            {
                if (areas.Any(a => a.Id == areaNode.Value))
                    area = areaNode.Value;
                else
                    Add(areaNode.Start, QuestionnaireErrorKind.UndeclaredArea, areaNode.Value);
            }

            var choices = type is { } known ? ReadChoices(map, known, questionId) : [];
            var scoreMethod = ReadScoreMethod(map, type);
            if (type == QuestionType.YesNo)
                choices = ApplyYesNoScores(map, choices);
            else if (Get(map, "score") is { } scoreNode)
                Add(scoreNode.Start, QuestionnaireErrorKind.ScoreNotAllowed, "score");

            if (area is null && choices.Any(c => c.Score is not null))
                Add(map.Start, QuestionnaireErrorKind.ScoreWithoutArea, questionId);
            var prefill = ReadPrefill(map, type, choices);

            var relevantNode = OptionalScalar(map, "relevant");
            var relevant = ParseExpression(relevantNode);
            if (relevant is { UsesSelf: true })
                Add(relevantNode!.Start, QuestionnaireErrorKind.SelfValueNotAllowed, relevant.Source);
            var constraintNode = OptionalScalar(map, "constraint");
            var constraint = ParseExpression(constraintNode);
            var constraintMessage = Localized(map, "constraint_message", required: false);

            var relevantCheck = relevant is null ? null : new ExpressionCheck(questionId, index, relevant, relevantNode!.Start);
            var constraintCheck = constraint is null ? null : new ExpressionCheck(questionId, index, constraint, constraintNode!.Start);
            checks.AddRange(new[] { relevantCheck, constraintCheck }.OfType<ExpressionCheck>());

            if (_errors.Count > errorsBefore || id is null || type is null || label is null)
                return null;

            var question = new Question
            {
                Id = id.Value,
                Type = type.Value,
                Label = label,
                Hint = hint,
                SkipLabel = skip,
                Choices = choices,
                Required = required,
                Constraint = constraint,
                ConstraintMessage = constraintMessage,
                Relevant = relevant,
                Area = area,
                ScoreMethod = scoreMethod,
                InSelfAssessment = selfAssessment,
                Prefill = prefill,
                Line = (int)map.Start.Line,
            };
            if (constraintCheck is not null)
                constraintCheck.Question = question;
            return question;
        }

        private List<Choice> ReadChoices(YamlMappingNode map, QuestionType type, string questionId)
        {
            var node = Get(map, "choices");
            var isSelect = type is QuestionType.SelectOne or QuestionType.SelectMultiple;
            if (!isSelect && type != QuestionType.YesNo)
            {
                if (node is not null)
                    Add(KeyStart(map, "choices"), QuestionnaireErrorKind.ChoicesNotAllowed, questionId);
                return [];
            }
            if (node is null || (node is YamlSequenceNode { Children.Count: 0 }) || (node is YamlScalarNode { Value: null or "" }))
            {
                if (isSelect)
                    Add(node?.Start ?? map.Start, QuestionnaireErrorKind.SelectWithoutChoices, questionId);
                return type == QuestionType.YesNo ? DefaultYesNo() : [];
            }
            if (node is not YamlSequenceNode sequence)
            {
                Add(node.Start, QuestionnaireErrorKind.InvalidStructure, "choices: - { value: …, label: … }");
                return [];
            }

            var choices = new List<Choice>();
            foreach (var item in sequence)
            {
                if (item is not YamlMappingNode choiceMap)
                {
                    Add(item.Start, QuestionnaireErrorKind.InvalidStructure, "choices: - { value: …, label: … }");
                    continue;
                }
                CheckKeys(choiceMap, ChoiceKeys);
                var value = OptionalScalar(choiceMap, "value");
                if (value is null)
                {
                    Add(choiceMap.Start, QuestionnaireErrorKind.ChoiceWithoutValue, questionId);
                    continue;
                }
                if (Get(choiceMap, "label") is null)
                {
                    Add(choiceMap.Start, QuestionnaireErrorKind.ChoiceWithoutLabel, value.Value);
                    continue;
                }
                var label = Localized(choiceMap, "label", required: true);
                var score = Score(Get(choiceMap, "score"));
                if (!ChoiceValueRegex().IsMatch(value.Value))
                    Add(value.Start, QuestionnaireErrorKind.InvalidChoiceValue, value.Value);
                else if (choices.Any(c => c.Value == value.Value))
                    Add(value.Start, QuestionnaireErrorKind.DuplicateChoice, value.Value);
                else if (label is not null)
                    choices.Add(new Choice(value.Value, label, score));
            }

            if (type == QuestionType.YesNo)
            {
                var values = choices.Select(c => c.Value).ToList();
                if (values.Count != 2 || values[0] != "yes" || values[1] != "no")
                {
                    Add(KeyStart(map, "choices"), QuestionnaireErrorKind.InvalidValue, "yes_no choices: yes, no");
                    return DefaultYesNo();
                }
            }
            return choices;
        }

        private static List<Choice> DefaultYesNo() =>
            [new Choice("yes", QuestionnaireTexts.Yes), new Choice("no", QuestionnaireTexts.No)];

        /// <summary>yes_no takes <c>score: { yes: 5, no: 1 }</c>; those scores go onto its two choices.</summary>
        private List<Choice> ApplyYesNoScores(YamlMappingNode map, List<Choice> choices)
        {
            if (Get(map, "score") is not { } node)
                return choices;
            if (node is not YamlMappingNode scores)
            {
                Add(node.Start, QuestionnaireErrorKind.InvalidStructure, "score: { yes: 5, no: 1 }");
                return choices;
            }
            CheckKeys(scores, YesNoScoreKeys);
            return choices
                .Select(c => Get(scores, c.Value) is { } scoreNode ? c with { Score = Score(scoreNode) } : c)
                .ToList();
        }

        /// <summary>
        /// <c>prefill: has_bank_account</c>: a profile fact of the same answer type, whose every value is one of the
        /// question's choices — else a prefilled answer could be one the question cannot hold.
        /// </summary>
        private string? ReadPrefill(YamlMappingNode map, QuestionType? type, List<Choice> choices)
        {
            if (OptionalScalar(map, "prefill") is not { } node)
                return null;
            if (!ProfileFields.All.TryGetValue(node.Value, out var field))
            {
                Add(node.Start, QuestionnaireErrorKind.UnknownProfileField, $"{node.Value} ({string.Join(", ", ProfileFields.All.Keys)})");
                return null;
            }
            if (type is { } known && known != field.Type)
            {
                var typeName = TypeNames.First(t => t.Value == field.Type).Key;
                Add(node.Start, QuestionnaireErrorKind.PrefillTypeMismatch, $"{field.Name} ({typeName})");
                return null;
            }
            foreach (var value in field.Values.Where(v => choices.All(c => c.Value != v)))
                Add(node.Start, QuestionnaireErrorKind.UnknownChoiceValue, $"'{value}' ({field.Name})");
            return field.Name;
        }

        private ScoreMethod ReadScoreMethod(YamlMappingNode map, QuestionType? type)
        {
            if (OptionalScalar(map, "score_method") is not { } node)
                return ScoreMethod.Max;
            if (type != QuestionType.SelectMultiple)
            {
                Add(node.Start, QuestionnaireErrorKind.ScoreNotAllowed, "score_method");
                return ScoreMethod.Max;
            }
            switch (node.Value)
            {
                case "max":
                    return ScoreMethod.Max;
                case "sum":
                    return ScoreMethod.Sum;
                default:
                    Add(node.Start, QuestionnaireErrorKind.InvalidValue, $"score_method: {node.Value} (max, sum)");
                    return ScoreMethod.Max;
            }
        }

        private int? Score(YamlNode? node)
        {
            if (node is null)
                return null;
            if (node is YamlScalarNode { Value: { } text }
                && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var score)
                && score is >= Question.MinScore and <= Question.MaxScore)
                return score;
            Add(node.Start, QuestionnaireErrorKind.InvalidScore, (node as YamlScalarNode)?.Value ?? "…");
            return null;
        }

        private Expression? ParseExpression(ScalarNode? node)
        {
            if (node is null)
                return null;
            if (Expression.TryParse(node.Value, out var expression, out var error))
                return expression;
            _errors.Add(new QuestionnaireError(source, (int)node.Start.Line, (int)node.Start.Column,
                QuestionnaireErrorKind.ExpressionSyntax, node.Value, error));
            return null;
        }

        private void CheckExpression(ExpressionCheck check, Dictionary<string, int> firstIndex, Dictionary<string, Question> loaded)
        {
            var at = check.At;
            foreach (var reference in check.Expression.References)
            {
                if (reference == check.QuestionId)
                    Add(at, QuestionnaireErrorKind.SelfReference, reference);
                else if (!firstIndex.TryGetValue(reference, out var referencedIndex))
                    Add(at, QuestionnaireErrorKind.UnknownQuestionReference, reference);
                else if (referencedIndex > check.Index)
                    Add(at, QuestionnaireErrorKind.LaterQuestionReference, reference);
            }

            foreach (var comparison in check.Expression.ChoiceComparisons)
            {
                var target = comparison.Question is null ? check.Question
                    : firstIndex.GetValueOrDefault(comparison.Question, int.MaxValue) < check.Index ? loaded.GetValueOrDefault(comparison.Question)
                    : null;
                if (target is { HasChoices: true } && target.FindChoice(comparison.Value) is null)
                    Add(at, QuestionnaireErrorKind.UnknownChoiceValue, $"'{comparison.Value}' ({target.Id})");
            }
        }

        private void CheckKeys(YamlMappingNode map, IReadOnlySet<string> allowed)
        {
            foreach (var key in map.Children.Keys)
            {
                if (key is not YamlScalarNode { Value: { } name } || !allowed.Contains(name))
                    Add(key.Start, QuestionnaireErrorKind.UnknownField, (key as YamlScalarNode)?.Value ?? key.ToString());
            }
        }

        /// <summary>Where "key:" is written; a block list under it starts on the next line, the key is what the author looks for.</summary>
        private static Mark KeyStart(YamlMappingNode map, string key) =>
            map.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: { } v } && v == key)?.Start ?? map.Start;

        private static YamlNode? Get(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

        private ScalarNode? RequiredScalar(YamlMappingNode map, string key)
        {
            var node = OptionalScalar(map, key);
            if (node is null && Get(map, key) is null)
                Add(map.Start, QuestionnaireErrorKind.MissingField, key);
            return node;
        }

        /// <summary>A non-empty scalar, trimmed; a list or mapping where text belongs is reported.</summary>
        private ScalarNode? OptionalScalar(YamlMappingNode map, string key)
        {
            switch (Get(map, key))
            {
                case null:
                    return null;
                case YamlScalarNode { Value: { } value } scalar when value.Trim().Length > 0:
                    return new ScalarNode(value.Trim(), scalar.Start);
                case YamlScalarNode empty:
                    Add(empty.Start, QuestionnaireErrorKind.MissingField, key);
                    return null;
                case var other:
                    Add(other.Start, QuestionnaireErrorKind.InvalidStructure, $"{key}: …");
                    return null;
            }
        }

        private bool Boolean(YamlMappingNode map, string key, bool defaultValue)
        {
            if (OptionalScalar(map, key) is not { } node)
                return defaultValue;
            switch (node.Value.ToLowerInvariant())
            {
                case "true" or "yes":
                    return true;
                case "false" or "no":
                    return false;
                default:
                    Add(node.Start, QuestionnaireErrorKind.InvalidValue, $"{key}: {node.Value} (true, false)");
                    return defaultValue;
            }
        }

        private LocalizedText? Localized(YamlMappingNode map, string key, bool required)
        {
            var node = Get(map, key);
            if (node is null)
            {
                if (required)
                    Add(map.Start, QuestionnaireErrorKind.MissingField, key);
                return null;
            }
            return LocalizedValue(node, key);
        }

        /// <summary>Either a plain text (any language) or a mapping of language → text that includes "id".</summary>
        private LocalizedText? LocalizedValue(YamlNode node, string key)
        {
            if (node is YamlScalarNode scalar)
            {
                if (string.IsNullOrWhiteSpace(scalar.Value))
                {
                    Add(node.Start, QuestionnaireErrorKind.MissingField, key);
                    return null;
                }
                return LocalizedText.Invariant(scalar.Value.Trim());
            }
            if (node is not YamlMappingNode map)
            {
                Add(node.Start, QuestionnaireErrorKind.InvalidStructure, $"{key}: {{ id: …, en: … }}");
                return null;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (languageNode, textNode) in map.Children)
            {
                var language = (languageNode as YamlScalarNode)?.Value ?? "";
                if (!LanguageRegex().IsMatch(language))
                {
                    Add(languageNode.Start, QuestionnaireErrorKind.UnknownLanguage, language);
                    continue;
                }
                if (textNode is not YamlScalarNode { Value: { } text } || text.Trim().Length == 0)
                {
                    Add(textNode.Start, QuestionnaireErrorKind.MissingField, $"{key}.{language}");
                    continue;
                }
                values[language] = text.Trim();
            }
            if (!values.ContainsKey(LocalizedText.DefaultLanguage))
            {
                Add(map.Start, QuestionnaireErrorKind.MissingField, $"{key}.{LocalizedText.DefaultLanguage}");
                return null;
            }
            return new LocalizedText(values);
        }

        private void Add(Mark at, QuestionnaireErrorKind kind, string detail) =>
            _errors.Add(new QuestionnaireError(source, (int)at.Line, (int)at.Column, kind, detail));
    }

    private sealed record ScalarNode(string Value, Mark Start);
}
