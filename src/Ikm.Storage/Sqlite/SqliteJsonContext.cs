using System.Text.Json.Serialization;
using Ikm.Storage.Tolerance;
using Ikm.Workflow.Conversations;
using Ikm.Workflow.Members;
using Ikm.Workflow.Storage;

namespace Ikm.Storage.Sqlite;

/// <summary>Source-generated so the hot write path does no reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    // Names as JsonStringEnumConverter writes them; an unknown one reads as a fallback instead of throwing.
    Converters = [typeof(TolerantEnumConverterFactory)],
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Conversation))]
[JsonSerializable(typeof(Member))]
[JsonSerializable(typeof(OutboxEntry))]
[JsonSerializable(typeof(FailedUpdate))]
internal sealed partial class SqliteJsonContext : JsonSerializerContext;
