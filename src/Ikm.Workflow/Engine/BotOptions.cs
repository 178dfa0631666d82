namespace Ikm.Workflow.Engine;

/// <summary>Program-level settings (configuration section "Bot").</summary>
public sealed class BotOptions
{
    /// <summary>Channel user ids that are coordinators from the start (Bot__Coordinators, comma-separated).</summary>
    public string Coordinators { get; init; } = "";

    public string DefaultLanguage { get; init; } = "id";

    /// <summary>How long an invite link stays valid.</summary>
    public int InviteDays { get; init; } = 7;

    /// <summary>
    /// Updates one chat may send within <see cref="FloodWindowSeconds"/> (Bot__FloodLimit); beyond it the chat's
    /// updates are acknowledged without running a flow and its replies collapse into one "wait a moment" notice.
    /// </summary>
    public int FloodLimit { get; init; } = 20;

    /// <summary>The length of the flood window in seconds (Bot__FloodWindowSeconds).</summary>
    public int FloodWindowSeconds { get; init; } = 10;

    public int EffectiveFloodLimit => Math.Max(1, FloodLimit);

    public TimeSpan FloodWindow => TimeSpan.FromSeconds(Math.Max(1, FloodWindowSeconds));

    public IReadOnlySet<long> CoordinatorIds => field ??= Coordinators
        .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(s => long.TryParse(s, out var id) ? id : (long?)null)
        .OfType<long>()
        .ToHashSet();
}
