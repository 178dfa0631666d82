using Ikm.Storage.Mongo;
using Ikm.Storage.Tests.Support;
using System.Globalization;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Conversations;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Storage;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;

namespace Ikm.Storage.Tests.Mongo;

/// <summary>BSON shape and round trip of every stored document, without a server.</summary>
public sealed class MongoMappingTests
{
    static MongoMappingTests() => MongoMappings.Register();

    [Fact]
    public void Conversation_RoundTrips_WithChatIdAsIdAndDataAsKeyValueArray()
    {
        var conversation = A.Conversation(42);
        conversation.Version = 3;
        conversation.Data["alamat.kota"] = "Yogyakarta";
        conversation.Data["$x"] = "1";
        conversation.RememberUpdate(1001);
        conversation.RememberUpdate(1000);

        var document = conversation.ToBsonDocument();
        var back = RoundTrip(conversation);

        Assert.Equal(
            ["_id", "userId", "flow", "state", "version", "language", "data", "recentUpdateIds", "updatedAt"],
            document.Names);
        Assert.Equal(new BsonInt64(42), document["_id"]);
        Assert.Equal(BsonArray.Create(new[] { 1001L, 1000L }), document["recentUpdateIds"]);
        Assert.Equal(
            """[{ "k" : "alamat.kota", "v" : "Yogyakarta" }, { "k" : "$x", "v" : "1" }]""",
            document["data"].ToJson());
        Assert.Equal(new BsonDateTime(A.T0.UtcDateTime), document["updatedAt"]);
        Assert.Equal((42L, 1_000_042L, "Onboarding", "AskingRevenue", 3L, "id", A.T0),
            (back.ChatId, back.UserId, back.Flow, back.State, back.Version, back.Language, back.UpdatedAt));
        Assert.Equal(conversation.Data, back.Data);
        Assert.Equal([1001L, 1000L], back.RecentUpdateIds);
    }

    [Fact]
    public void Conversation_IgnoresTheCommitMarker_WhenRead()
    {
        var document = A.Conversation(1).ToBsonDocument();
        document["commitId"] = ObjectId.GenerateNewId();

        Assert.Equal(1, BsonSerializer.Deserialize<Conversation>(document).ChatId);
    }

    [Fact]
    public void Member_RoundTrips_WithUserIdAsIdAndRoleAsString()
    {
        var member = A.Member(100, 10, MemberRole.Coordinator);
        member.Unreachable = true;

        var document = member.ToBsonDocument();
        var back = RoundTrip(member);

        Assert.Equal(
            """{ "_id" : NumberLong(100), "chatId" : NumberLong(10), "role" : "Coordinator", "language" : "en", "unreachable" : true, "version" : NumberLong(1), "joinedAt" : ISODate("2025-03-03T01:30:15.123Z") }""",
            document.ToJson(new JsonWriterSettings { OutputMode = JsonOutputMode.Shell }));
        Assert.Equal((100L, 10L, MemberRole.Coordinator, "en", true, 1L, A.T0),
            (back.UserId, back.ChatId, back.Role, back.Language, back.Unreachable, back.Version, back.JoinedAt));
    }

    [Fact]
    public void OutboxEntry_RoundTrips_WithMessageIdAsIdAndFileAsBinary()
    {
        byte[] file = [1, 2, 3, 0, 255];
        var entry = new OutboxEntry
        {
            Message = new OutgoingMessage
            {
                Id = "upd-9-0",
                ChatId = 9,
                Kind = OutgoingKind.Photo,
                Text = "Foto",
                Buttons = [[new Button("Ya", "y")]],
                Keyboard = [[new KeyboardKey("Lokasi", RequestLocation: true)]],
                FileName = "a.jpg",
                FileContent = file,
                NotBefore = A.T0.AddHours(1),
            },
            CreatedAt = A.T0,
            Sequence = 17,
            Status = OutboxStatus.Sent,
            Attempts = 2,
            DueAt = A.T0.AddHours(1),
            SentAt = A.T0.AddHours(2),
            ChannelMessageId = 4242,
        };

        var document = entry.ToBsonDocument();
        var back = RoundTrip(entry);

        Assert.Equal(
            ["_id", "chatId", "message", "createdAt", "sequence", "status", "attempts", "dueAt", "sentAt", "channelMessageId"],
            document.Names);
        Assert.Equal("upd-9-0", document["_id"].AsString);
        Assert.Equal(9L, document["chatId"].AsInt64);
        Assert.Equal("Sent", document["status"].AsString);
        Assert.Equal(BsonType.DateTime, document["dueAt"].BsonType);
        var message = document["message"].AsBsonDocument;
        Assert.Equal("Photo", message["kind"].AsString);
        Assert.Equal(file, message["fileContent"].AsBsonBinaryData.Bytes);
        Assert.Equal("""[[{ "label" : "Ya", "data" : "y" }]]""", message["buttons"].ToJson());
        Assert.Equal("""[[{ "label" : "Lokasi", "requestLocation" : true }]]""", message["keyboard"].ToJson());

        Assert.Equal(("upd-9-0", 9L, 17L, OutboxStatus.Sent, 2, 4242L), (back.Id, back.ChatId, back.Sequence, back.Status, back.Attempts, back.ChannelMessageId));
        Assert.Equal((A.T0, A.T0.AddHours(1), A.T0.AddHours(2)), (back.CreatedAt, back.DueAt, back.SentAt));
        Assert.Equal((OutgoingKind.Photo, "Foto", "a.jpg", A.T0.AddHours(1)), (back.Message.Kind, back.Message.Text, back.Message.FileName, back.Message.NotBefore));
        Assert.Equal(file, back.Message.FileContent);
        Assert.Equal(new Button("Ya", "y"), Assert.Single(Assert.Single(back.Message.Buttons!)));
        Assert.Equal(new KeyboardKey("Lokasi", RequestLocation: true), Assert.Single(Assert.Single(back.Message.Keyboard!)));
    }

    [Fact]
    public void OutboxEntry_WritesNullDueAt_AndLeavesOutEmptyOptionalFields()
    {
        var entry = new OutboxEntry { Message = A.Message("m", 1), CreatedAt = A.T0, Sequence = 1 };

        var document = entry.ToBsonDocument();
        var back = RoundTrip(entry);

        Assert.Equal(BsonNull.Value, document["dueAt"]);
        Assert.False(document.Contains("sentAt"));
        Assert.Equal(
            """{ "id" : "m", "chatId" : NumberLong(1), "kind" : "Text", "text" : "Halo" }""",
            document["message"].ToJson(new JsonWriterSettings { OutputMode = JsonOutputMode.Shell }));
        Assert.Equal((OutboxStatus.Pending, (DateTimeOffset?)null, (IReadOnlyList<IReadOnlyList<Button>>?)null, (byte[]?)null),
            (back.Status, back.DueAt, back.Message.Buttons, back.Message.FileContent));
    }

    [Fact]
    public void OutboxEntry_Reads_ADeliveredEntryWhoseMessageKeepsOnlyItsIds()
    {
        // What the MarkOutbox pipeline leaves of a delivered document: the message reduced to id, chat and kind.
        var document = BsonDocument.Parse("""
            { "_id" : "export-1", "chatId" : NumberLong(9), "message" : { "id" : "export-1", "chatId" : NumberLong(9), "kind" : "Document" },
              "createdAt" : ISODate("2025-03-03T01:30:15.123Z"), "sequence" : NumberLong(4), "status" : "Sent", "attempts" : 1,
              "dueAt" : null, "sentAt" : ISODate("2025-03-03T01:30:16.123Z"), "channelMessageId" : NumberLong(321) }
            """);

        var entry = BsonSerializer.Deserialize<OutboxEntry>(document);

        Assert.Equal(("export-1", 9L, OutgoingKind.Document, OutboxStatus.Sent, 321L),
            (entry.Id, entry.ChatId, entry.Message.Kind, entry.Status, entry.ChannelMessageId));
        Assert.Equal(("", (string?)null, (byte[]?)null), (entry.Message.Text, entry.Message.FileName, entry.Message.FileContent));
        Assert.Equal(A.T0.AddSeconds(1), entry.SentAt);
    }

    [Fact]
    public void FailedUpdate_RoundTrips()
    {
        var failure = new FailedUpdate(123, 45, "System.InvalidOperationException", A.T0);

        var document = failure.ToBsonDocument();
        document["_id"] = ObjectId.GenerateNewId(); // as the server adds it

        Assert.Equal(["updateId", "chatId", "errorType", "at", "_id"], document.Names);
        Assert.Equal(failure, BsonSerializer.Deserialize<FailedUpdate>(document));
    }

    [Fact]
    public void Guids_AreStoredAsStandardUuid()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        var document = new GuidHolder { Value = id }.ToBsonDocument();

        var binary = document["Value"].AsBsonBinaryData;
        Assert.Equal(BsonBinarySubType.UuidStandard, binary.SubType);
        Assert.Equal(id.ToByteArray(bigEndian: true), binary.Bytes);
        Assert.Equal(id, BsonSerializer.Deserialize<GuidHolder>(document).Value);
    }

    [Fact]
    public void Business_RoundTrips_WithItsDocumentIdAsStringAndTurnoverAsDecimal128()
    {
        var business = A.Business(7, ownerUserId: 100);
        business.Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        business.Version = 3;

        var document = business.ToBsonDocument();
        var back = RoundTrip(business);

        Assert.Equal(
            ["_id", "ownerUserId", "version", "ownerName", "businessName", "products", "commodity", "kecamatan", "kelurahan",
             "location", "phone", "workers", "monthlyTurnover", "legality", "keepsBooks", "hasBankAccount", "hadBankCredit",
             "consent", "registeredAt", "updatedAt", "anonymised"],
            document.Names);
        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", document["_id"].AsString);
        Assert.Equal(BsonType.Decimal128, document["monthlyTurnover"].BsonType);
        Assert.Equal("12500000.50", document["monthlyTurnover"].AsDecimal128.ToString());
        Assert.Equal(["latitude", "longitude"], document["location"].AsBsonDocument.Names);
        Assert.Equal((-7.8291234567, 110.4012345678), (document["location"]["latitude"].AsDouble, document["location"]["longitude"].AsDouble));
        Assert.Equal(
            """{ "ownerUserId" : NumberLong(100), "legality" : ["NIB", "PIRT", "Halal"], "hadBankCredit" : false, "consent" : { "textVersion" : "2025.1", "acceptedAt" : ISODate("2025-03-03T01:25:15.123Z") }, "registeredAt" : ISODate("2025-03-03T01:30:15.123Z") }""",
            new BsonDocument(document.Where(e => e.Name is "ownerUserId" or "legality" or "hadBankCredit" or "consent" or "registeredAt"))
                .ToJson(new JsonWriterSettings { OutputMode = JsonOutputMode.Shell }));

        Assert.Equal((business.Id, 100L, 3L, 4), (back.Id, back.OwnerUserId, back.Version, back.Workers));
        Assert.Equal(
            ("Siti Aminah", "Bakpia Bu Siti", "Bakpia kacang hijau, bakpia keju", "makanan", "Kotagede", "Prenggan", "+6281234567890"),
            (back.OwnerName, back.BusinessName, back.Products, back.Commodity, back.Kecamatan, back.Kelurahan, back.Phone));
        Assert.Equal(new GeoPoint(-7.8291234567, 110.4012345678), back.Location);
        Assert.Equal(12_500_000.50m, back.MonthlyTurnover);
        Assert.Equal(["NIB", "PIRT", "Halal"], back.Legality);
        Assert.Equal((true, true, (bool?)false, false), (back.KeepsBooks, back.HasBankAccount, back.HadBankCredit, back.Anonymised));
        Assert.Equal(new ConsentRecord("2025.1", A.T0.AddMinutes(-5)), back.Consent);
        Assert.Equal((A.T0, A.T0.AddMinutes(1)), (back.RegisteredAt, back.UpdatedAt));
    }

    [Fact]
    public void Business_KeepsEveryDecimalExactly()
    {
        decimal[] amounts =
        [
            12_500_000.50m, 0m, 0.0000000000000000000000000001m, 1234567890123456789.0123456789m, decimal.MaxValue,
            decimal.MinValue, -0.01m,
        ];

        foreach (var amount in amounts)
        {
            var business = A.Business(1, 100);
            business.MonthlyTurnover = amount;

            var back = RoundTrip(business).MonthlyTurnover;

            Assert.Equal(amount, back);
            // Same digits and scale, not just an equal value.
            Assert.Equal(amount.ToString(CultureInfo.InvariantCulture), back.ToString(CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Business_RoundTrips_WhenAnonymised_WritingTheErasedFieldsAsNull()
    {
        var business = A.AnonymisedBusiness(1);

        var document = business.ToBsonDocument();
        var back = RoundTrip(business);

        Assert.Equal(0L, document["ownerUserId"].AsInt64);
        Assert.All(["ownerName", "phone", "location", "consent", "hadBankCredit"], name => Assert.Equal(BsonNull.Value, document[name]));
        Assert.Equal((0L, true, (string?)null, (GeoPoint?)null, (ConsentRecord?)null, (bool?)null),
            (back.OwnerUserId, back.Anonymised, back.Phone, back.Location, back.Consent, back.HadBankCredit));
        Assert.Equal(("makanan", 12_500_000.50m, 4), (back.Commodity, back.MonthlyTurnover, back.Workers));
    }

    [Fact]
    public void DiagnosisResponse_RoundTrips_WithItsDocumentIdAsString_TheBusinessAsStandardUuid_AndAnswersAsKeyValueArray()
    {
        var diagnosis = A.Completed(A.Diagnosis(1, 100, A.T0), A.T0.AddDays(1));
        diagnosis.Version = 2;

        var document = diagnosis.ToBsonDocument();
        var back = RoundTrip(diagnosis);

        Assert.Equal(
            ["_id", "ownerUserId", "businessId", "questionnaireId", "questionnaireVersion", "status", "answers", "fromProfile", "startedAt",
             "lastAnsweredAt", "completedAt", "areaScores", "weakestAreas", "version"],
            document.Names);
        Assert.Equal(DocumentIds.Of(A.Id(1)), document["_id"].AsString);
        Assert.Equal(BsonBinarySubType.UuidStandard, document["businessId"].AsBsonBinaryData.SubType);
        Assert.Equal("Completed", document["status"].AsString);
        Assert.Equal(
            """[{ "k" : "omzet", "v" : "1500000" }, { "k" : "alamat.kota", "v" : "Yogyakarta" }, { "k" : "$catatan", "v" : "" }, { "k" : "pembukuan", "v" : "tidak" }]""",
            document["answers"].ToJson());
        Assert.Equal(
            """[{ "k" : "production", "v" : 3.6666666666666665 }, { "k" : "quality", "v" : 1.0 }, { "k" : "marketing", "v" : 4.25 }]""",
            document["areaScores"].ToJson());
        Assert.Equal(new BsonDateTime(A.T0.AddDays(1).UtcDateTime), document["completedAt"]);

        Assert.Equal((A.Id(1), 100L, A.Id(1001), "diagnosis", "2025.1", DiagnosisStatus.Completed, 2L),
            (back.Id, back.OwnerUserId, back.BusinessId, back.QuestionnaireId, back.QuestionnaireVersion, back.Status, back.Version));
        Assert.Equal(diagnosis.Answers, back.Answers);
        Assert.Equal(diagnosis.AreaScores, back.AreaScores);
        Assert.Equal(["quality", "production"], back.WeakestAreas);
        Assert.Equal("""["pembukuan"]""", document["fromProfile"].ToJson());
        Assert.Equal(["pembukuan"], back.FromProfile);
        Assert.Equal((A.T0, A.T0.AddDays(1), (DateTimeOffset?)A.T0.AddDays(1)), (back.StartedAt, back.LastAnsweredAt, back.CompletedAt));
    }

    [Fact]
    public void DiagnosisResponse_RoundTrips_WhenInProgress()
    {
        var diagnosis = A.Diagnosis(1, 100, A.T0);

        var document = diagnosis.ToBsonDocument();
        var back = RoundTrip(diagnosis);

        Assert.Equal(BsonNull.Value, document["completedAt"]);
        Assert.Equal("InProgress", document["status"].AsString);
        Assert.Equal((DiagnosisStatus.InProgress, (DateTimeOffset?)null), (back.Status, back.CompletedAt));
        Assert.Empty(back.AreaScores);
        Assert.Empty(back.WeakestAreas);
        Assert.Empty(back.FromProfile);
    }

    [Theory]
    [InlineData(typeof(Business))]
    [InlineData(typeof(DiagnosisResponse))]
    [InlineData(typeof(GeoPoint))]
    [InlineData(typeof(ConsentRecord))]
    public void OwnerClassMaps_MapEveryPublicProperty(Type type)
    {
        // Explicit maps skip a property nobody mapped; this fails instead of losing a new field silently.
        var properties = type.GetProperties().Select(p => p.Name).Order();

        var mapped = BsonClassMap.LookupClassMap(type).AllMemberMaps.Select(m => m.MemberName).Order();

        Assert.Equal(properties, mapped);
    }

    [Fact]
    public void Register_IsIdempotent()
    {
        MongoMappings.Register();
        MongoMappings.Register();

        Assert.Equal("_id", BsonClassMap.LookupClassMap(typeof(Conversation)).IdMemberMap.ElementName);
        Assert.Equal("_id", BsonClassMap.LookupClassMap(typeof(Member)).IdMemberMap.ElementName);
        Assert.Equal("_id", BsonClassMap.LookupClassMap(typeof(OutboxEntry)).IdMemberMap.ElementName);
        Assert.Equal("_id", BsonClassMap.LookupClassMap(typeof(Business)).IdMemberMap.ElementName);
        Assert.Equal("_id", BsonClassMap.LookupClassMap(typeof(DiagnosisResponse)).IdMemberMap.ElementName);
    }

    [Fact]
    public void EveryDocumentType_RoundTripsEveryField_AsStored()
    {
        Assert.All(DocumentTypes.All, type =>
        {
            var document = Support.Documents.Filled(type, 1);
            document.Version = 4;
            Support.Documents.AssertEverythingSet(document);

            var stored = MongoQueries.ToStoredDocument(document);
            var back = (Ikm.Workflow.Documents.IDocument)BsonSerializer.Deserialize(stored, type);

            Support.Documents.AssertEquivalent(document, back, type.Name);
            Assert.Equal(new BsonString(document.Id), stored["_id"]);
            Assert.Equal(new BsonInt64(4), stored["version"]);
            Assert.Equal(
                document.Indexes().Select(p => new BsonDocument { { "n", p.Key }, { "v", p.Value } }),
                stored["_idx"].AsBsonArray.Select(v => v.AsBsonDocument));
            Assert.DoesNotContain(stored.Names, n => char.IsUpper(n[0]));
        });
    }

    [Fact]
    public void AuditEntry_IsStored_WithActionAndRoleAsStringsAndTheTimeAsDate()
    {
        var entry = Support.Documents.Filled<Ikm.Workflow.Audit.AuditEntry>(1, id: Ikm.Workflow.Audit.AuditEntry.NewId(A.T0));
        entry.At = A.T0;
        entry.Action = Ikm.Workflow.Audit.AuditAction.CohortEdited;
        entry.ActorRole = Ikm.Workflow.Audit.AuditRole.Administrator;
        entry.Targets = ["cohort:c-1"];
        entry.OldValue = null;

        var stored = MongoQueries.ToStoredDocument(entry);
        var back = BsonSerializer.Deserialize<Ikm.Workflow.Audit.AuditEntry>(stored);

        Assert.Equal("CohortEdited", stored["action"]);
        Assert.Equal("Administrator", stored["actorRole"]);
        Assert.Equal(new BsonDateTime(A.T0.UtcDateTime), stored["at"]);
        Assert.Equal("""["cohort:c-1"]""", stored["targets"].ToJson());
        Assert.StartsWith(A.T0.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture) + "-", stored["_id"].AsString);
        Assert.Equal((entry.Action, entry.ActorRole, A.T0, (string?)null), (back.Action, back.ActorRole, back.At, back.OldValue));
    }

    [Fact]
    public void Visit_IsStored_WithEnumsAsStringsTimesAsDatesAndNestedCamelCase()
    {
        var visit = Support.Documents.Filled<Visit>(1, id: "v-1");
        visit.Status = VisitStatus.Logging;
        visit.Flags = VisitFlags.Short | VisitFlags.Retro;
        visit.StartedAt = A.T0;
        visit.EndedAt = null;
        visit.CheckInLocation = new GeoPoint(-7.5, 110.25);
        visit.Photos = [new VisitPhoto("file-1", null)];

        var stored = MongoQueries.ToStoredDocument(visit);
        var back = BsonSerializer.Deserialize<Visit>(stored);

        Assert.Equal("Logging", stored["status"]);
        Assert.Equal("Short, Retro", stored["flags"]);
        Assert.Equal(new BsonDateTime(A.T0.UtcDateTime), stored["startedAt"]);
        Assert.Equal(BsonNull.Value, stored["endedAt"]);
        Assert.Equal("""{ "latitude" : -7.5, "longitude" : 110.25 }""", stored["checkInLocation"].ToJson());
        Assert.Equal("""[{ "fileId" : "file-1", "localPath" : null }]""", stored["photos"].ToJson());
        Assert.Equal(visit.BusinessId, stored["businessId"].AsGuid);
        Assert.Equal(BsonBinarySubType.UuidStandard, stored["businessId"].AsBsonBinaryData.SubType);
        Assert.False(stored.Contains("duration"));
        Assert.Equal((VisitStatus.Logging, VisitFlags.Short | VisitFlags.Retro, A.T0, (DateTimeOffset?)null),
            (back.Status, back.Flags, back.StartedAt, back.EndedAt));
        Assert.Equal([new VisitPhoto("file-1", null)], back.Photos);
    }

    [Fact]
    public void Cohort_IsStored_WithStartDateAsIsoDayAndRulesAsSubDocument()
    {
        var cohort = Support.Documents.Filled<Cohort>(1, id: "c-1");
        cohort.StartDate = new DateOnly(2026, 1, 5);
        cohort.Rules = new CohortRules();

        var stored = MongoQueries.ToStoredDocument(cohort);

        Assert.Equal("2026-01-05", stored["startDate"]);
        Assert.Equal(
            """{ "minVisitsPerWeek" : 1, "minHoursPerVisit" : 4.0, "maxIkmsPerMentor" : 5, "maxCheckInDistanceMeters" : 500.0, "openCheckInHours" : 12.0, "maxRetroDays" : 14, "correctionHours" : 48.0 }""",
            stored["rules"].ToJson());
        Assert.False(stored.Contains("endDate"));
        Assert.Equal(new BsonArray(), stored["_idx"]);
        Assert.Equal(new DateOnly(2026, 1, 5), BsonSerializer.Deserialize<Cohort>(stored).StartDate);
    }

    [Fact]
    public void DocumentConventions_LeaveOtherTypesAlone()
    {
        var holder = new EnumHolder { Role = MemberRole.Mentor };

        Assert.Equal($$"""{ "Role" : {{(int)MemberRole.Mentor}} }""", holder.ToJson());
    }

    private static T RoundTrip<T>(T value) => BsonSerializer.Deserialize<T>(value.ToBsonDocument());

    private sealed class EnumHolder
    {
        public MemberRole Role { get; set; }
    }

    private sealed class GuidHolder
    {
        public Guid Value { get; set; }
    }
}
