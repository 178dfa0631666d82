using Ikm.Storage.Mongo;
using Ikm.Storage.Tests.Support;
using Ikm.Storage.Tolerance;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Storage;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace Ikm.Storage.Tests.Mongo;

/// <summary>Documents another version wrote (unknown enum values, missing or extra elements) map without a server.</summary>
public sealed class MongoToleranceTests
{
    static MongoToleranceTests() => MongoMappings.Register();

    [Theory]
    [InlineData("Auditor")]
    [InlineData(9)]
    [InlineData(null)]
    public void Member_ReadsAnUnknownRoleAsNone_AndIgnoresElementsItDoesNotKnow(object? role)
    {
        var stored = new BsonDocument
        {
            ["_id"] = 5L, ["chatId"] = 5L, ["role"] = BsonValue.Create(role), ["language"] = "en", ["unreachable"] = false,
            ["version"] = 2L, ["joinedAt"] = new BsonDateTime(DateTime.UnixEpoch), ["auditScope"] = "all",
        };

        using var scope = StoredReadScope.Begin();
        var member = BsonSerializer.Deserialize<Member>(stored);

        Assert.Equal((5L, MemberRole.None, "en", 2L), (member.UserId, member.Role, member.Language, member.Version));
        Assert.Equal(typeof(MemberRole), Assert.Single(scope.Fallbacks).EnumType);
    }

    [Fact]
    public void Member_ReadsAKnownRole_WithoutReportingAFallback()
    {
        using var scope = StoredReadScope.Begin();
        var member = BsonSerializer.Deserialize<Member>(A.Member(3, 3, MemberRole.Coordinator).ToBsonDocument());

        Assert.Equal(MemberRole.Coordinator, member.Role);
        Assert.Empty(scope.Fallbacks);
    }

    [Fact]
    public void Member_KeepsDefaults_WhenElementsAreMissing()
    {
        var member = BsonSerializer.Deserialize<Member>(new BsonDocument { ["_id"] = 6L });

        Assert.Equal((6L, MemberRole.None, "id"), (member.UserId, member.Role, member.Language));
    }

    [Fact]
    public void Visit_ReadsAnUnknownStatusAsCompleted_AndKeepsTheKnownFlags()
    {
        var visit = Documents.Filled<Visit>(1);
        var stored = visit.ToBsonDocument();
        stored["status"] = "Cancelled";
        stored["flags"] = "Retro, Teleported";
        stored["reviewedBy"] = 12L;

        var back = BsonSerializer.Deserialize<Visit>(stored);

        Assert.Equal((visit.Id, VisitStatus.Completed, VisitFlags.Retro), (back.Id, back.Status, back.Flags));
    }

    [Fact]
    public void Visit_WritesEnumsAsNames()
    {
        var visit = Documents.Filled<Visit>(1);
        visit.Status = VisitStatus.Logging;
        visit.Flags = VisitFlags.Retro | VisitFlags.Short;

        var stored = visit.ToBsonDocument();

        Assert.Equal(("Logging", "Short, Retro"), (stored["status"].AsString, stored["flags"].AsString));
    }

    [Fact]
    public void Assignment_AndInvite_ReadUnknownValuesAsGrantingNothing()
    {
        var membership = Documents.Filled<CohortMembership>(1).ToBsonDocument();
        membership["status"] = "Suspended";
        var invite = Documents.Filled<Invite>(1).ToBsonDocument();
        invite["role"] = "Auditor";

        Assert.Equal(MembershipStatus.Pending, BsonSerializer.Deserialize<CohortMembership>(membership).Status);
        Assert.Equal(MemberRole.None, BsonSerializer.Deserialize<Invite>(invite).Role);
    }

    [Fact]
    public void OutboxEntry_ReadsAnUnknownStatusAsDropped_AndAnUnknownKindAsText()
    {
        var stored = new OutboxEntry { Message = A.Message("m-1", 9), CreatedAt = A.T0, Sequence = 1 }.ToBsonDocument();
        stored["status"] = "Scheduled";
        stored["message"]["kind"] = "Poll";

        var entry = BsonSerializer.Deserialize<OutboxEntry>(stored);

        Assert.Equal((OutboxStatus.Dropped, OutgoingKind.Text, "m-1"), (entry.Status, entry.Message.Kind, entry.Id));
    }
}
