using System.Globalization;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Conversations;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Documents;
using Ikm.Workflow.Members;
using Ikm.Workflow.Storage;
using Microsoft.Extensions.Logging;

namespace Ikm.Storage.Tolerance;

/// <summary>
/// Collects the fallbacks taken while stored documents are read (<see cref="StoredEnums"/>), so the store can log
/// them after the read with ids and type names only — the converters that take them know neither the document nor a
/// logger. Flows with the async context: a scope opened before an awaited driver call sees what that call read.
/// </summary>
public sealed class StoredReadScope : IDisposable
{
    private static readonly AsyncLocal<StoredReadScope?> Current = new();

    private readonly StoredReadScope? _outer;
    private readonly Lock _gate = new();
    private readonly List<StoredFallback> _fallbacks = [];

    private StoredReadScope(StoredReadScope? outer) => _outer = outer;

    public static StoredReadScope Begin()
    {
        var scope = new StoredReadScope(Current.Value);
        Current.Value = scope;
        return scope;
    }

    /// <summary>The fallbacks taken in this scope, in the order met.</summary>
    public IReadOnlyList<StoredFallback> Fallbacks
    {
        get
        {
            lock (_gate)
                return [.. _fallbacks];
        }
    }

    internal static void Report(Type enumType, object readAs)
    {
        if (Current.Value is { } scope)
        {
            lock (scope._gate)
                scope._fallbacks.Add(new StoredFallback(enumType, readAs.ToString()!, null, null));
        }
    }

    /// <summary>Names the document just read as the owner of the fallbacks not yet attributed.</summary>
    internal static void Attribute(object document)
    {
        if (Current.Value is not { } scope)
            return;
        lock (scope._gate)
        {
            for (var i = scope._fallbacks.Count - 1; i >= 0 && scope._fallbacks[i].Document is null; i--)
                scope._fallbacks[i] = scope._fallbacks[i] with { Document = document.GetType().Name, Id = IdOf(document) };
        }
    }

    /// <summary>One warning per fallback: document type, id and enum type — never a stored value.</summary>
    public void LogTo(ILogger? log)
    {
        if (log is null)
            return;
        foreach (var fallback in Fallbacks)
        {
            log.LogWarning("Stored {Document} {Id} holds a {EnumType} value this version does not know; read as {Fallback}",
                fallback.Document ?? "document", fallback.Id ?? "?", fallback.EnumType.Name,
                fallback.ReadAs);
        }
    }

    public void Dispose() => Current.Value = _outer;

    private static string IdOf(object document) => document switch
    {
        Member m => m.UserId.ToString(CultureInfo.InvariantCulture),
        Conversation c => c.ChatId.ToString(CultureInfo.InvariantCulture),
        OutboxEntry e => e.Id,
        FailedUpdate f => f.UpdateId.ToString(CultureInfo.InvariantCulture),
        Business b => b.Id.ToString("D", CultureInfo.InvariantCulture),
        DiagnosisResponse d => d.Id.ToString("D", CultureInfo.InvariantCulture),
        IDocument d => d.Id,
        _ => "?",
    };
}

/// <summary>A stored enum value read as a fallback (<paramref name="ReadAs"/>): in which document (when known) and of which enum.</summary>
public sealed record StoredFallback(Type EnumType, string ReadAs, string? Document, string? Id);
