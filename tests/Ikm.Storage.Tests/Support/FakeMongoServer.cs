using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;

namespace Ikm.Storage.Tests.Support;

/// <summary>
/// A MongoDB wire-protocol endpoint on 127.0.0.1 that records every command the real driver sends and answers
/// from <see cref="Respond"/>, else with a plain success: every write matches (an upsert upserts), every query finds
/// nothing. Enough to see, offline, which operations a commit sends, in which order, in which session and transaction.
/// </summary>
public sealed class FakeMongoServer : IDisposable
{
    private const int OpReply = 1, OpQuery = 2004, OpMsg = 2013;
    private static readonly HashSet<string> Handshake = ["hello", "ismaster", "isMaster", "buildInfo", "buildinfo", "endSessions"];

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<BsonDocument> _commands = new();
    private readonly bool _replicaSet;
    private int _requestId;

    /// <param name="replicaSet">Answers hello as a replica set primary (setName "rs0"), else as a standalone.</param>
    public FakeMongoServer(bool replicaSet)
    {
        _replicaSet = replicaSet;
        _listener.Start();
        _ = AcceptAsync();
    }

    public string Url => $"mongodb://127.0.0.1:{Port}/?directConnection=true&serverSelectionTimeoutMS=5000&retryWrites=false";

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>A scripted answer to a command, or null for the default one.</summary>
    public Func<BsonDocument, BsonDocument?> Respond { get; set; } = _ => null;

    /// <summary>Every command but the handshake, monitoring and session cleanup, in the order received.</summary>
    public List<BsonDocument> Commands => [.. _commands.Where(c => !Handshake.Contains(c.GetElement(0).Name))];

    public static string NameOf(BsonDocument command) => command.GetElement(0).Name;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var header = new byte[16];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await stream.ReadExactlyAsync(header, _stop.Token);
                var length = BinaryPrimitives.ReadInt32LittleEndian(header);
                var requestId = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(4));
                var opCode = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(12));
                var body = new byte[length - 16];
                await stream.ReadExactlyAsync(body, _stop.Token);
                var (command, moreToCome) = opCode == OpQuery ? (ParseQuery(body), false) : ParseMsg(body);
                _commands.Enqueue(command);
                var reply = Respond(command) ?? Default(command);
                if (!moreToCome)
                    await stream.WriteAsync(opCode == OpQuery ? Frame(OpReply, requestId, QueryReply(reply)) : Frame(OpMsg, requestId, MsgReply(reply)), _stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The driver closed the connection, or the server stopped.
        }
    }

    private BsonDocument Default(BsonDocument command)
    {
        var name = NameOf(command);
        var collection = command[0].IsString ? command[0].AsString : "";
        var ns = $"{command.GetValue("$db", "test")}.{collection}";
        return name switch
        {
            "hello" or "ismaster" or "isMaster" => Hello(),
            "update" => Updated(command["updates"].AsBsonArray),
            "insert" => Ok(new BsonDocument("n", command["documents"].AsBsonArray.Count)),
            "delete" => Ok(new BsonDocument("n", command["deletes"].AsBsonArray.Count)),
            "find" or "aggregate" => Found(ns),
            "findAndModify" => Ok(new BsonDocument
            {
                { "value", new BsonDocument { { "_id", command["query"]["_id"] }, { "seq", 100L } } },
                { "lastErrorObject", new BsonDocument { { "n", 1 }, { "updatedExisting", true } } },
            }),
            _ => Ok([]),
        };
    }

    /// <summary>Every statement matches and modifies its document; an upsert inserts one with the filter's _id.</summary>
    public static BsonDocument Updated(BsonArray statements, Func<BsonDocument, bool>? matches = null)
    {
        var upserted = new BsonArray();
        int n = 0, modified = 0;
        for (var i = 0; i < statements.Count; i++)
        {
            var statement = statements[i].AsBsonDocument;
            if (matches?.Invoke(statement) == false)
            {
                if (statement.GetValue("upsert", false).ToBoolean())
                    n++; // an upsert that "found" its document: matched, not modified, not upserted
                continue;
            }
            n++;
            if (statement.GetValue("upsert", false).ToBoolean())
                upserted.Add(new BsonDocument { { "index", i }, { "_id", statement["q"].AsBsonDocument.GetValue("_id", ObjectId.GenerateNewId()) } });
            else
                modified++;
        }
        var reply = new BsonDocument { { "n", n }, { "nModified", modified } };
        if (upserted.Count > 0)
            reply["upserted"] = upserted;
        return Ok(reply);
    }

    /// <summary>A query's answer: these documents, in one batch.</summary>
    public static BsonDocument Found(string ns, params BsonDocument[] documents) =>
        Ok(new BsonDocument("cursor", new BsonDocument { { "id", 0L }, { "ns", ns }, { "firstBatch", new BsonArray(documents) } }));

    public static BsonDocument Ok(BsonDocument fields)
    {
        fields["ok"] = 1.0;
        return fields;
    }

    private BsonDocument Hello()
    {
        var me = $"127.0.0.1:{Port}";
        var hello = new BsonDocument
        {
            { "helloOk", true }, { "isWritablePrimary", true }, { "ismaster", true },
            { "maxBsonObjectSize", 16 * 1024 * 1024 }, { "maxMessageSizeBytes", 48_000_000 }, { "maxWriteBatchSize", 100_000 },
            { "localTime", DateTime.UtcNow }, { "logicalSessionTimeoutMinutes", 30 }, { "connectionId", 1 },
            { "minWireVersion", 0 }, { "maxWireVersion", 21 }, { "readOnly", false },
        };
        if (_replicaSet)
        {
            hello.Add("setName", "rs0").Add("setVersion", 1).Add("hosts", new BsonArray { me }).Add("primary", me).Add("me", me)
                .Add("electionId", new ObjectId("7fffffff0000000000000001"));
        }
        return Ok(hello);
    }

    private static BsonDocument ParseQuery(byte[] body)
    {
        var at = 4;
        while (body[at] != 0)
            at++;
        at += 1 + 8; // the collection name's terminator, numberToSkip, numberToReturn
        return ReadDocument(body, at, out _);
    }

    private static (BsonDocument Command, bool MoreToCome) ParseMsg(byte[] body)
    {
        var flags = BinaryPrimitives.ReadUInt32LittleEndian(body);
        var end = body.Length - ((flags & 1) != 0 ? 4 : 0);
        var at = 4;
        BsonDocument? command = null;
        var sequences = new List<(string, BsonArray)>();
        while (at < end)
        {
            var kind = body[at++];
            if (kind == 0)
            {
                command = ReadDocument(body, at, out var size);
                at += size;
                continue;
            }
            var sectionEnd = at + BinaryPrimitives.ReadInt32LittleEndian(body.AsSpan(at));
            var nameStart = at + 4;
            var nameEnd = Array.IndexOf(body, (byte)0, nameStart);
            var documents = new BsonArray();
            for (var position = nameEnd + 1; position < sectionEnd;)
            {
                documents.Add(ReadDocument(body, position, out var size));
                position += size;
            }
            sequences.Add((Encoding.UTF8.GetString(body, nameStart, nameEnd - nameStart), documents));
            at = sectionEnd;
        }
        command ??= [];
        foreach (var (name, documents) in sequences)
            command[name] = documents;
        return (command, (flags & 2) != 0);
    }

    private static BsonDocument ReadDocument(byte[] buffer, int at, out int size)
    {
        size = BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(at));
        using var reader = new BsonBinaryReader(new MemoryStream(buffer, at, size));
        return BsonSerializer.Deserialize<BsonDocument>(reader);
    }

    private static byte[] MsgReply(BsonDocument reply) => [0, 0, 0, 0, 0, .. reply.ToBson()];

    private static byte[] QueryReply(BsonDocument reply)
    {
        var prefix = new byte[20];
        BinaryPrimitives.WriteInt32LittleEndian(prefix.AsSpan(16), 1); // numberReturned; flags, cursor id and start stay 0
        return [.. prefix, .. reply.ToBson()];
    }

    private byte[] Frame(int opCode, int responseTo, byte[] payload)
    {
        var header = new byte[16];
        BinaryPrimitives.WriteInt32LittleEndian(header, 16 + payload.Length);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), Interlocked.Increment(ref _requestId));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), responseTo);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(12), opCode);
        return [.. header, .. payload];
    }
}
