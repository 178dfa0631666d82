using Ikm.Storage.Mongo;
using MongoDB.Bson;

namespace Ikm.Storage.Tests.Mongo;

/// <summary>Whether a server's <c>hello</c> reply allows one transaction per batch.</summary>
public sealed class MongoCommitModeTests
{
    [Fact]
    public void Standalone_CommitsWithOrderedWrites()
    {
        var hello = BsonDocument.Parse("""{ isWritablePrimary: true, maxWireVersion: 21, logicalSessionTimeoutMinutes: 30, ok: 1 }""");

        Assert.Equal(MongoCommitMode.OrderedWrites, MongoCommitModes.FromHello(hello));
    }

    [Fact]
    public void ReplicaSetMember_CommitsInATransaction()
    {
        var hello = BsonDocument.Parse("""{ isWritablePrimary: true, setName: "rs0", hosts: ["db:27017"], logicalSessionTimeoutMinutes: 30, ok: 1 }""");

        Assert.Equal(MongoCommitMode.Transaction, MongoCommitModes.FromHello(hello));
    }

    [Fact]
    public void Mongos_CommitsInATransaction()
    {
        var hello = BsonDocument.Parse("""{ isWritablePrimary: true, msg: "isdbgrid", logicalSessionTimeoutMinutes: 30, ok: 1 }""");

        Assert.Equal(MongoCommitMode.Transaction, MongoCommitModes.FromHello(hello));
    }

    [Theory]
    [InlineData("""{ isWritablePrimary: true, setName: "rs0", ok: 1 }""")]
    [InlineData("""{ isWritablePrimary: true, msg: "isdbgrid", logicalSessionTimeoutMinutes: null, ok: 1 }""")]
    [InlineData("""{ isWritablePrimary: true, msg: "something else", logicalSessionTimeoutMinutes: 30, ok: 1 }""")]
    public void WithoutSessionsOrATopologyThatHasThem_CommitsWithOrderedWrites(string reply)
    {
        Assert.Equal(MongoCommitMode.OrderedWrites, MongoCommitModes.FromHello(BsonDocument.Parse(reply)));
    }
}
