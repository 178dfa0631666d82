using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Members;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Storage;

namespace Ikm.Storage.Tolerance;

/// <summary>
/// How a stored enum value this version does not know (written by a newer version, or left by a rollback) is read:
/// as a defined fallback, reported to the open <see cref="StoredReadScope"/>, never as an exception that would stop
/// every chat of a batch. Each fallback is the value that grants nothing and triggers nothing: an unknown role has
/// no rights, an unknown membership is not approved, an unknown outbox status is never sent (again).
/// </summary>
public static class StoredEnums
{
    private static readonly Dictionary<Type, object> Fallbacks = new()
    {
        [typeof(MemberRole)] = MemberRole.None,
        [typeof(MembershipStatus)] = MembershipStatus.Pending,
        [typeof(OutboxStatus)] = OutboxStatus.Dropped,
        [typeof(OutgoingKind)] = OutgoingKind.Text,
        [typeof(DiagnosisStatus)] = DiagnosisStatus.InProgress,
        // Completed prompts nobody: no check-out reminder, no logbook question for a visit we cannot read.
        [typeof(VisitStatus)] = VisitStatus.Completed,
    };

    /// <summary>The fallback of <typeparamref name="TEnum"/>: listed above, else its zero value (a [Flags] enum: no flag).</summary>
    public static TEnum Fallback<TEnum>() where TEnum : struct, Enum =>
        Fallbacks.TryGetValue(typeof(TEnum), out var value) ? (TEnum)value : default;

    /// <summary>
    /// Parses a stored name ("Owner", "Retro, Short" for flags) or number. Unknown names or numbers give the fallback
    /// (for flags: the known flags are kept, the unknown dropped) and are reported.
    /// </summary>
    public static TEnum Parse<TEnum>(string? text) where TEnum : struct, Enum
    {
        if (text is not null && Enum.TryParse<TEnum>(text, ignoreCase: false, out var value) && IsKnown(value))
            return value;
        if (text is not null && IsFlags<TEnum>())
            return ParseKnownFlags<TEnum>(text);
        return Unknown<TEnum>();
    }

    /// <summary>A stored number: the value when this version defines it, else the fallback (reported).</summary>
    public static TEnum FromNumber<TEnum>(long number) where TEnum : struct, Enum
    {
        var value = (TEnum)Enum.ToObject(typeof(TEnum), number);
        return IsKnown(value) ? value : Unknown<TEnum>();
    }

    /// <summary>Anything that is neither a name nor a number (null, an object…): the fallback, reported.</summary>
    public static TEnum Unknown<TEnum>() where TEnum : struct, Enum
    {
        var fallback = Fallback<TEnum>();
        StoredReadScope.Report(typeof(TEnum), fallback);
        return fallback;
    }

    private static bool IsFlags<TEnum>() => typeof(TEnum).IsDefined(typeof(FlagsAttribute), inherit: false);

    private static bool IsKnown<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        if (Enum.IsDefined(value))
            return true;
        if (!IsFlags<TEnum>())
            return false;
        var all = Enum.GetValues<TEnum>().Aggregate(0UL, (bits, v) => bits | Convert.ToUInt64(v, System.Globalization.CultureInfo.InvariantCulture));
        return (Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture) & ~all) == 0;
    }

    private static TEnum ParseKnownFlags<TEnum>(string text) where TEnum : struct, Enum
    {
        ulong bits = 0;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (Enum.TryParse<TEnum>(part, ignoreCase: false, out var flag) && IsKnown(flag))
                bits |= Convert.ToUInt64(flag, System.Globalization.CultureInfo.InvariantCulture);
        }
        var known = (TEnum)Enum.ToObject(typeof(TEnum), bits);
        StoredReadScope.Report(typeof(TEnum), known);
        return known;
    }
}
