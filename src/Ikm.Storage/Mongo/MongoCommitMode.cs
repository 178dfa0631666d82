using MongoDB.Bson;

namespace Ikm.Storage.Mongo;

/// <summary>How <see cref="MongoBotStore.CommitAsync"/> writes a batch, decided once from the server's <c>hello</c> reply.</summary>
public enum MongoCommitMode
{
    /// <summary>Not asked yet.</summary>
    Unknown,

    /// <summary>Replica set or mongos: the whole batch in one multi-document transaction, majority write concern.</summary>
    Transaction,

    /// <summary>
    /// Standalone server: no transactions. Every version check of a chat (a claim on its conversation, then its
    /// versioned documents) runs before any other write of that chat; see <see cref="MongoOrderedCommit"/>.
    /// </summary>
    OrderedWrites,
}

internal static class MongoCommitModes
{
    /// <summary>
    /// Transactions need a replica set member (<c>setName</c>) or a mongos (<c>msg: "isdbgrid"</c>), and sessions
    /// (<c>logicalSessionTimeoutMinutes</c>, absent on a standalone and while sessions are unavailable).
    /// </summary>
    public static MongoCommitMode FromHello(BsonDocument hello)
    {
        ArgumentNullException.ThrowIfNull(hello);
        var sessions = hello.TryGetValue("logicalSessionTimeoutMinutes", out var minutes) && minutes.IsNumeric;
        var replicaSet = hello.TryGetValue("setName", out var setName) && setName.IsString;
        var mongos = hello.TryGetValue("msg", out var msg) && msg.IsString && msg.AsString == "isdbgrid";
        return sessions && (replicaSet || mongos) ? MongoCommitMode.Transaction : MongoCommitMode.OrderedWrites;
    }
}
