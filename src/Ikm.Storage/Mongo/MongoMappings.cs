using Ikm.Workflow.Businesses;
using Ikm.Workflow.Conversations;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Storage;
using Ikm.Storage.Tolerance;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Conventions;
using MongoDB.Bson.Serialization.Options;
using MongoDB.Bson.Serialization.Serializers;

namespace Ikm.Storage.Mongo;

/// <summary>
/// Explicit BSON mappings of the stored documents, so renaming a C# property never silently renames a stored field.
/// Times are BSON dates (UTC, millisecond precision) so they can be compared in queries; enums are strings.
/// Reads are tolerant, since another version may have written the document: extra elements are ignored, a missing one
/// keeps the property's default, and an unknown enum value reads as its <see cref="StoredEnums"/> fallback.
/// </summary>
public static class MongoMappings
{
    public const string ConversationsCollection = "conversations";
    public const string MembersCollection = "members";
    public const string OutboxCollection = "outbox";
    public const string FailedUpdatesCollection = "failed_updates";
    /// <summary>Holds the outbox sequence counter.</summary>
    public const string CountersCollection = "counters";
    /// <summary>Leases among instances (<see cref="MongoDispatchLease"/>): one document per lease, its id the lease's name.</summary>
    public const string LeasesCollection = "leases";

    private static readonly Lock Gate = new();
    private static bool _registered;

    /// <summary>Element names used outside the class maps (filters on untyped documents, the commit marker).</summary>
    internal static class Fields
    {
        public const string Id = "_id";
        public const string Version = "version";
        public const string OwnerUserId = "ownerUserId";
        /// <summary>Marks the commit that last wrote a conversation, to tell which replaces of a bulk write matched.</summary>
        public const string CommitId = "commitId";
        public const string Sequence = "seq";
        /// <summary>A commit's claim on a conversation {c: commit id, at: time} (<see cref="MongoOrderedCommit"/>).</summary>
        public const string Claim = "_claim";
        public const string ClaimCommit = "c";
        public const string ClaimedAt = "at";
        /// <summary>A generic document's index entries: an array of {n: name, v: value}, written beside the mapped fields.</summary>
        public const string Indexes = "_idx";
        public const string IndexName = "n";
        public const string IndexValue = "v";
        /// <summary>A conversation's answers (the draft retention job finds the non-empty ones).</summary>
        public const string Data = "data";
        /// <summary>A diagnosis response's answers.</summary>
        public const string Answers = "answers";
        public const string LeaseOwner = "owner";
        public const string LeaseExpiresAt = "expiresAt";
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
            RegisterDocumentClassMaps();
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
            cm.MapMember(c => c.Data).SetElementName(Fields.Data)
                .SetSerializer(new DictionaryInterfaceImplementerSerializer<Dictionary<string, string>>(
                    DictionaryRepresentation.ArrayOfDocuments));
            cm.MapMember(c => c.RecentUpdateIds).SetElementName("recentUpdateIds");
            cm.MapMember(c => c.UpdatedAt).SetElementName("updatedAt").SetSerializer(date);
            // The commit marker is written beside the mapped fields.
            cm.SetIgnoreExtraElements(true);
        });

        BsonClassMap.TryRegisterClassMap<Member>(cm =>
        {
            cm.SetIgnoreExtraElements(true);
            cm.MapIdMember(m => m.UserId);
            cm.MapMember(m => m.ChatId).SetElementName("chatId");
            cm.MapMember(m => m.Role).SetElementName("role").SetSerializer(new TolerantEnumSerializer<MemberRole>());
            cm.MapMember(m => m.Language).SetElementName("language");
            cm.MapMember(m => m.Unreachable).SetElementName("unreachable");
            cm.MapMember(m => m.Version).SetElementName(Fields.Version);
            cm.MapMember(m => m.JoinedAt).SetElementName("joinedAt").SetSerializer(date);
        });

        BsonClassMap.TryRegisterClassMap<Button>(cm =>
        {
            cm.SetIgnoreExtraElements(true);
            cm.MapMember(b => b.Label).SetElementName("label");
            cm.MapMember(b => b.Data).SetElementName("data");
            cm.MapCreator(b => new Button(b.Label, b.Data));
        });

        BsonClassMap.TryRegisterClassMap<KeyboardKey>(cm =>
        {
            cm.SetIgnoreExtraElements(true);
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
            cm.SetIgnoreExtraElements(true);
            cm.MapMember(m => m.Id).SetElementName("id");
            cm.MapMember(m => m.ChatId).SetElementName("chatId");
            cm.MapMember(m => m.Kind).SetElementName("kind").SetSerializer(new TolerantEnumSerializer<OutgoingKind>());
            cm.MapMember(m => m.Text).SetElementName("text");
            cm.MapMember(m => m.Buttons).SetElementName("buttons").SetIgnoreIfNull(true)
                .SetSerializer(buttonRows);
            cm.MapMember(m => m.Keyboard).SetElementName("keyboard").SetIgnoreIfNull(true)
                .SetSerializer(keyboardRows);
            cm.MapMember(m => m.RemoveKeyboard).SetElementName("removeKeyboard").SetIgnoreIfDefault(true);
            cm.MapMember(m => m.EditMessageId).SetElementName("editMessageId").SetIgnoreIfNull(true);
            cm.MapMember(m => m.FileName).SetElementName("fileName").SetIgnoreIfNull(true);
            cm.MapMember(m => m.FileContent).SetElementName("fileContent").SetIgnoreIfNull(true);
            cm.MapMember(m => m.FilePath).SetElementName("filePath").SetIgnoreIfNull(true);
            cm.MapMember(m => m.NotBefore).SetElementName("notBefore").SetIgnoreIfNull(true).SetSerializer(optionalDate);
        });

        BsonClassMap.TryRegisterClassMap<OutboxEntry>(cm =>
        {
            cm.SetIgnoreExtraElements(true);
            // Id and ChatId are read-only views of the message: written for the _id and the chatId index, skipped on read.
            cm.MapIdMember(e => e.Id);
            cm.MapMember(e => e.ChatId).SetElementName("chatId");
            cm.MapMember(e => e.Message).SetElementName("message");
            cm.MapMember(e => e.CreatedAt).SetElementName("createdAt").SetSerializer(date);
            cm.MapMember(e => e.Sequence).SetElementName("sequence");
            cm.MapMember(e => e.Status).SetElementName("status").SetSerializer(new TolerantEnumSerializer<OutboxStatus>());
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

        RegisterOwnerClassMaps(date, optionalDate);
    }

    private static void RegisterOwnerClassMaps(IBsonSerializer<DateTimeOffset> date, IBsonSerializer<DateTimeOffset?> optionalDate)
    {
        // Set per member rather than relying on the global Guid serializer, which another component could register first.
        var guid = new GuidSerializer(GuidRepresentation.Standard);
        // A document's _id is its IDocument.Id, a string (lower-case "D"), as for every other aggregate; the
        // business id a diagnosis refers to stays a standard UUID.
        var documentId = new GuidSerializer(BsonType.String);
        // Decimal128 keeps every System.Decimal exactly (a double would not), and the server can sum and compare it.
        var money = new DecimalSerializer(BsonType.Decimal128);
        // Array of {k, v}, as for conversation data: a key is then never a field name, whatever characters it has.
        var answers = new DictionaryInterfaceImplementerSerializer<Dictionary<string, string>>(DictionaryRepresentation.ArrayOfDocuments);
        var scores = new DictionaryInterfaceImplementerSerializer<Dictionary<string, double>>(DictionaryRepresentation.ArrayOfDocuments);

        BsonClassMap.TryRegisterClassMap<GeoPoint>(cm =>
        {
            cm.SetIgnoreExtraElements(true);
            cm.MapMember(p => p.Latitude).SetElementName("latitude");
            cm.MapMember(p => p.Longitude).SetElementName("longitude");
            cm.MapCreator(p => new GeoPoint(p.Latitude, p.Longitude));
        });

        BsonClassMap.TryRegisterClassMap<ConsentRecord>(cm =>
        {
            cm.SetIgnoreExtraElements(true);
            cm.MapMember(c => c.TextVersion).SetElementName("textVersion");
            cm.MapMember(c => c.AcceptedAt).SetElementName("acceptedAt").SetSerializer(date);
            cm.MapCreator(c => new ConsentRecord(c.TextVersion, c.AcceptedAt));
        });

        BsonClassMap.TryRegisterClassMap<Business>(cm =>
        {
            cm.SetIgnoreExtraElements(true);
            cm.MapIdMember(b => b.Id).SetSerializer(documentId);
            cm.MapMember(b => b.OwnerUserId).SetElementName(Fields.OwnerUserId);
            cm.MapMember(b => b.Version).SetElementName(Fields.Version);
            // Personal fields are written even when null: an erased profile shows what was erased.
            cm.MapMember(b => b.OwnerName).SetElementName("ownerName");
            cm.MapMember(b => b.BusinessName).SetElementName("businessName");
            cm.MapMember(b => b.Products).SetElementName("products");
            cm.MapMember(b => b.Commodity).SetElementName("commodity");
            cm.MapMember(b => b.Kecamatan).SetElementName("kecamatan");
            cm.MapMember(b => b.Kelurahan).SetElementName("kelurahan");
            cm.MapMember(b => b.Location).SetElementName("location");
            cm.MapMember(b => b.Phone).SetElementName("phone");
            cm.MapMember(b => b.Workers).SetElementName("workers");
            cm.MapMember(b => b.MonthlyTurnover).SetElementName("monthlyTurnover").SetSerializer(money);
            cm.MapMember(b => b.Legality).SetElementName("legality");
            cm.MapMember(b => b.KeepsBooks).SetElementName("keepsBooks");
            cm.MapMember(b => b.HasBankAccount).SetElementName("hasBankAccount");
            cm.MapMember(b => b.HadBankCredit).SetElementName("hadBankCredit");
            cm.MapMember(b => b.Consent).SetElementName("consent");
            cm.MapMember(b => b.RegisteredAt).SetElementName("registeredAt").SetSerializer(date);
            cm.MapMember(b => b.UpdatedAt).SetElementName("updatedAt").SetSerializer(date);
            cm.MapMember(b => b.Anonymised).SetElementName("anonymised");
        });

        BsonClassMap.TryRegisterClassMap<DiagnosisResponse>(cm =>
        {
            cm.SetIgnoreExtraElements(true);
            cm.MapIdMember(d => d.Id).SetSerializer(documentId);
            cm.MapMember(d => d.OwnerUserId).SetElementName(Fields.OwnerUserId);
            cm.MapMember(d => d.BusinessId).SetElementName("businessId").SetSerializer(guid);
            cm.MapMember(d => d.QuestionnaireId).SetElementName("questionnaireId");
            cm.MapMember(d => d.QuestionnaireVersion).SetElementName("questionnaireVersion");
            cm.MapMember(d => d.Status).SetElementName("status").SetSerializer(new TolerantEnumSerializer<DiagnosisStatus>());
            cm.MapMember(d => d.Answers).SetElementName(Fields.Answers).SetSerializer(answers);
            cm.MapMember(d => d.FromProfile).SetElementName("fromProfile");
            cm.MapMember(d => d.StartedAt).SetElementName("startedAt").SetSerializer(date);
            cm.MapMember(d => d.LastAnsweredAt).SetElementName("lastAnsweredAt").SetSerializer(date);
            cm.MapMember(d => d.CompletedAt).SetElementName("completedAt").SetSerializer(optionalDate);
            cm.MapMember(d => d.AreaScores).SetElementName("areaScores").SetSerializer(scores);
            cm.MapMember(d => d.WeakestAreas).SetElementName("weakestAreas");
            cm.MapMember(d => d.Version).SetElementName(Fields.Version);
        });
    }

    /// <summary>
    /// Generic documents are auto-mapped (a new type needs only its entry in <see cref="DocumentTypes.All"/>), under
    /// conventions scoped to the document types and the classes they contain: camelCase element names, the Id property
    /// as _id, enums as strings (a [Flags] value as "A, B"; an unknown one read as its StoredEnums fallback), times as BSON dates like every other collection,
    /// <see cref="DateOnly"/> as "yyyy-MM-dd" (a calendar day, never shifted by a time zone), decimals as Decimal128,
    /// and extra elements (the _idx entries) ignored on read. A type that already has an explicit map (GeoPoint) keeps it.
    /// Each map is built now, so a type the driver cannot map fails at start rather than at its first write.
    /// </summary>
    private static void RegisterDocumentClassMaps()
    {
        var mapped = DocumentGraph(DocumentTypes.All);
        var conventions = new ConventionPack
        {
            new CamelCaseElementNameConvention(),
            new IgnoreExtraElementsConvention(true),
            new DocumentMemberConvention(),
        };
        ConventionRegistry.Register("ikm-documents", conventions, mapped.Contains);
        foreach (var type in DocumentTypes.All)
            BsonClassMap.LookupClassMap(type);
    }

    /// <summary>The document types and every class or struct of ours reachable through their properties.</summary>
    internal static HashSet<Type> DocumentGraph(IEnumerable<Type> roots)
    {
        var found = new HashSet<Type>();
        var pending = new Stack<Type>(roots);
        while (pending.TryPop(out var type))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type.IsArray)
            {
                pending.Push(type.GetElementType()!);
                continue;
            }
            if (type.IsGenericType)
            {
                foreach (var argument in type.GetGenericArguments())
                    pending.Push(argument);
                if (type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
                    continue;
            }
            if (type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith("System", StringComparison.Ordinal) != false
                || !found.Add(type))
            {
                continue;
            }
            foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
                pending.Push(property.PropertyType);
        }
        return found;
    }

    private sealed class DocumentMemberConvention() : ConventionBase("IkmDocumentMembers"), IMemberMapConvention
    {
        private static readonly DateTimeOffsetSerializer Date = new(BsonType.DateTime);
        private static readonly DateOnlySerializer Day = new(BsonType.String);
        private static readonly DecimalSerializer Money = new(BsonType.Decimal128);

        public void Apply(BsonMemberMap memberMap)
        {
            IBsonSerializer? serializer = memberMap.MemberType switch
            {
                var t when t == typeof(DateTimeOffset) => Date,
                var t when t == typeof(DateTimeOffset?) => new NullableSerializer<DateTimeOffset>(Date),
                var t when t == typeof(DateOnly) => Day,
                var t when t == typeof(DateOnly?) => new NullableSerializer<DateOnly>(Day),
                var t when t == typeof(decimal) => Money,
                var t when t == typeof(decimal?) => new NullableSerializer<decimal>(Money),
                // Names, and an unknown one read as its fallback (StoredEnums) rather than failing the read.
                { IsEnum: true } t => (IBsonSerializer)Activator.CreateInstance(typeof(TolerantEnumSerializer<>).MakeGenericType(t))!,
                _ => null,
            };
            if (serializer is not null)
                memberMap.SetSerializer(serializer);
        }
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
