using Ikm.Workflow.Conversations;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Storage;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Options;
using MongoDB.Bson.Serialization.Serializers;

namespace Ikm.Storage.Mongo;

/// <summary>
/// Explicit BSON mappings of the stored documents, so renaming a C# property never silently renames a stored field.
/// Times are BSON dates (UTC, millisecond precision) so they can be compared in queries; enums are strings.
/// </summary>
public static class MongoMappings
{
    public const string ConversationsCollection = "conversations";
    public const string MembersCollection = "members";
    public const string OutboxCollection = "outbox";
    public const string FailedUpdatesCollection = "failed_updates";
    /// <summary>Holds the outbox sequence counter.</summary>
    public const string CountersCollection = "counters";

    private static readonly Lock Gate = new();
    private static bool _registered;

    /// <summary>Element names used outside the class maps (filters on untyped documents, the commit marker).</summary>
    internal static class Fields
    {
        public const string Id = "_id";
        public const string Version = "version";
        /// <summary>Marks the commit that last wrote a conversation, to tell which replaces of a bulk write matched.</summary>
        public const string CommitId = "commitId";
        public const string Sequence = "seq";
    }

    /// <summary>Registers once per process; later calls do nothing.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (_registered)
                return;
            BsonSerializer.TryRegisterSerializer(new GuidSerializer(GuidRepresentation.Standard));
            RegisterClassMaps();
            _registered = true;
        }
    }

    private static void RegisterClassMaps()
    {
        var date = new DateTimeOffsetSerializer(BsonType.DateTime);
        var optionalDate = new NullableSerializer<DateTimeOffset>(date);

        BsonClassMap.TryRegisterClassMap<Conversation>(cm =>
        {
            cm.MapIdMember(c => c.ChatId);
            cm.MapMember(c => c.UserId).SetElementName("userId");
            cm.MapMember(c => c.Flow).SetElementName("flow");
            cm.MapMember(c => c.State).SetElementName("state");
            cm.MapMember(c => c.Version).SetElementName(Fields.Version);
            cm.MapMember(c => c.Language).SetElementName("language");
            // Array of {k, v}: answer keys are free text and may contain '.' or start with '$'.
            cm.MapMember(c => c.Data).SetElementName("data")
                .SetSerializer(new DictionaryInterfaceImplementerSerializer<Dictionary<string, string>>(
                    DictionaryRepresentation.ArrayOfDocuments));
            cm.MapMember(c => c.RecentUpdateIds).SetElementName("recentUpdateIds");
            cm.MapMember(c => c.UpdatedAt).SetElementName("updatedAt").SetSerializer(date);
            // The commit marker is written beside the mapped fields.
            cm.SetIgnoreExtraElements(true);
        });

        BsonClassMap.TryRegisterClassMap<Member>(cm =>
        {
            cm.MapIdMember(m => m.UserId);
            cm.MapMember(m => m.ChatId).SetElementName("chatId");
            cm.MapMember(m => m.Role).SetElementName("role").SetSerializer(new EnumSerializer<MemberRole>(BsonType.String));
            cm.MapMember(m => m.Language).SetElementName("language");
            cm.MapMember(m => m.Unreachable).SetElementName("unreachable");
            cm.MapMember(m => m.Version).SetElementName(Fields.Version);
            cm.MapMember(m => m.JoinedAt).SetElementName("joinedAt").SetSerializer(date);
        });

        BsonClassMap.TryRegisterClassMap<Button>(cm =>
        {
            cm.MapMember(b => b.Label).SetElementName("label");
            cm.MapMember(b => b.Data).SetElementName("data");
            cm.MapCreator(b => new Button(b.Label, b.Data));
        });

        BsonClassMap.TryRegisterClassMap<KeyboardKey>(cm =>
        {
            cm.MapMember(k => k.Label).SetElementName("label");
            cm.MapMember(k => k.RequestLocation).SetElementName("requestLocation").SetDefaultValue(false).SetIgnoreIfDefault(true);
            cm.MapMember(k => k.RequestContact).SetElementName("requestContact").SetDefaultValue(false).SetIgnoreIfDefault(true);
            cm.MapCreator(k => new KeyboardKey(k.Label, k.RequestLocation, k.RequestContact));
        });

        // Built outside the class map initialiser, which runs under the serializer registry's lock.
        var buttonRows = ReadOnlyGrid<Button>();
        var keyboardRows = ReadOnlyGrid<KeyboardKey>();
        BsonClassMap.TryRegisterClassMap<OutgoingMessage>(cm =>
        {
            cm.MapMember(m => m.Id).SetElementName("id");
            cm.MapMember(m => m.ChatId).SetElementName("chatId");
            cm.MapMember(m => m.Kind).SetElementName("kind").SetSerializer(new EnumSerializer<OutgoingKind>(BsonType.String));
            cm.MapMember(m => m.Text).SetElementName("text");
            cm.MapMember(m => m.Buttons).SetElementName("buttons").SetIgnoreIfNull(true)
                .SetSerializer(buttonRows);
            cm.MapMember(m => m.Keyboard).SetElementName("keyboard").SetIgnoreIfNull(true)
                .SetSerializer(keyboardRows);
            cm.MapMember(m => m.RemoveKeyboard).SetElementName("removeKeyboard").SetIgnoreIfDefault(true);
            cm.MapMember(m => m.EditMessageId).SetElementName("editMessageId").SetIgnoreIfNull(true);
            cm.MapMember(m => m.FileName).SetElementName("fileName").SetIgnoreIfNull(true);
            cm.MapMember(m => m.FileContent).SetElementName("fileContent").SetIgnoreIfNull(true);
            cm.MapMember(m => m.NotBefore).SetElementName("notBefore").SetIgnoreIfNull(true).SetSerializer(optionalDate);
        });

        BsonClassMap.TryRegisterClassMap<OutboxEntry>(cm =>
        {
            // Id and ChatId are read-only views of the message: written for the _id and the chatId index, skipped on read.
            cm.MapIdMember(e => e.Id);
            cm.MapMember(e => e.ChatId).SetElementName("chatId");
            cm.MapMember(e => e.Message).SetElementName("message");
            cm.MapMember(e => e.CreatedAt).SetElementName("createdAt").SetSerializer(date);
            cm.MapMember(e => e.Sequence).SetElementName("sequence");
            cm.MapMember(e => e.Status).SetElementName("status").SetSerializer(new EnumSerializer<OutboxStatus>(BsonType.String));
            cm.MapMember(e => e.Attempts).SetElementName("attempts");
            // Written even when null: the due query matches {dueAt: null}.
            cm.MapMember(e => e.DueAt).SetElementName("dueAt").SetSerializer(optionalDate);
            cm.MapMember(e => e.SentAt).SetElementName("sentAt").SetIgnoreIfNull(true).SetSerializer(optionalDate);
            cm.MapMember(e => e.ChannelMessageId).SetElementName("channelMessageId").SetIgnoreIfNull(true);
        });

        BsonClassMap.TryRegisterClassMap<FailedUpdate>(cm =>
        {
            cm.MapMember(f => f.UpdateId).SetElementName("updateId");
            cm.MapMember(f => f.ChatId).SetElementName("chatId");
            cm.MapMember(f => f.ErrorType).SetElementName("errorType");
            cm.MapMember(f => f.At).SetElementName("at").SetSerializer(date);
            cm.MapCreator(f => new FailedUpdate(f.UpdateId, f.ChatId, f.ErrorType, f.At));
            // _id is the server's ObjectId; (updateId, chatId) is the unique key.
            cm.SetIgnoreExtraElements(true);
        });
    }

    /// <summary>Rows of buttons or keys, read back as lists.</summary>
    private static IBsonSerializer<IReadOnlyList<IReadOnlyList<T>>> ReadOnlyGrid<T>()
    {
        var row = new ImpliedImplementationInterfaceSerializer<IReadOnlyList<T>, List<T>>(
            new EnumerableInterfaceImplementerSerializer<List<T>, T>(BsonSerializer.LookupSerializer<T>()));
        return new ImpliedImplementationInterfaceSerializer<IReadOnlyList<IReadOnlyList<T>>, List<IReadOnlyList<T>>>(
            new EnumerableInterfaceImplementerSerializer<List<IReadOnlyList<T>>, IReadOnlyList<T>>(row));
    }
}
