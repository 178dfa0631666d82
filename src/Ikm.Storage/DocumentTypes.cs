using System.Text.Json.Serialization;
using Ikm.Storage.Tolerance;
using Ikm.Workflow.Audit;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Reports;

namespace Ikm.Storage;

/// <summary>
/// The generic document types both adapters store (<see cref="IDocumentStore"/>, <c>ChangeSet.Documents</c>).
/// <para>
/// TO ADD A DOCUMENT TYPE <c>X</c> (a class implementing <see cref="IDocument"/> with <c>[DocumentCollection("xs")]</c>):
/// add <c>typeof(X)</c> to <see cref="All"/> and <c>[JsonSerializable(typeof(X))]</c> to <see cref="DocumentJsonContext"/>
/// just below. Nothing else: SQLite stores it as source-generated JSON in the shared <c>documents</c> table, MongoDB
/// auto-maps it (camelCase names, enums as strings, times as BSON dates, <see cref="DateOnly"/> as "yyyy-MM-dd") into
/// its own collection with the index of <c>_idx</c> created at start. The test
/// <c>DocumentTypesTests.All_ListsEveryDocumentTypeOfTheWorkflow</c> fails until both lines are there.
/// </para>
/// </summary>
public static class DocumentTypes
{
    public static IReadOnlyList<Type> All { get; } =
    [
        typeof(Business),
        typeof(DiagnosisResponse),
        typeof(Cohort),
        typeof(Invite),
        typeof(Assignment),
        typeof(CohortMembership),
        typeof(Visit),
        typeof(Evaluation),
        typeof(CohortStaff),
        typeof(AuditEntry),
        typeof(ReportRequest),
        typeof(MentorContact),
    ];

    private static readonly HashSet<Type> Registered = [.. All];

    /// <summary>Fails fast on a type missing from <see cref="All"/>: it would not round-trip the same in both stores.</summary>
    public static void EnsureRegistered(Type type)
    {
        if (!Registered.Contains(type))
        {
            throw new InvalidOperationException(
                $"{type.Name} is not a registered document type: add it to {nameof(DocumentTypes)}.{nameof(All)} and to {nameof(DocumentJsonContext)}.");
        }
    }
}

/// <summary>
/// Source-generated JSON of the document types for SQLite (one <c>[JsonSerializable]</c> per entry of
/// <see cref="DocumentTypes.All"/>). Computed get-only properties (<c>Visit.Duration</c>, <c>Cohort.EndDate</c>) are
/// not stored: they are derived on read.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    // Names as JsonStringEnumConverter writes them; an unknown one reads as a fallback instead of throwing.
    Converters = [typeof(TolerantEnumConverterFactory)],
    IgnoreReadOnlyProperties = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Business))]
[JsonSerializable(typeof(DiagnosisResponse))]
[JsonSerializable(typeof(Cohort))]
[JsonSerializable(typeof(Invite))]
[JsonSerializable(typeof(Assignment))]
[JsonSerializable(typeof(CohortMembership))]
[JsonSerializable(typeof(Visit))]
[JsonSerializable(typeof(Evaluation))]
[JsonSerializable(typeof(CohortStaff))]
[JsonSerializable(typeof(MentorContact))]
[JsonSerializable(typeof(AuditEntry))]
[JsonSerializable(typeof(ReportRequest))]
internal sealed partial class DocumentJsonContext : JsonSerializerContext;
