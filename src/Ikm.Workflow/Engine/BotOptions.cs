namespace Ikm.Workflow.Engine;

/// <summary>Program-level settings (configuration section "Bot").</summary>
public sealed class BotOptions
{
    /// <summary>Channel user ids that are coordinators from the start (Bot__Coordinators, comma-separated).</summary>
    public string Coordinators { get; init; } = "";

    public string DefaultLanguage { get; init; } = "id";

    /// <summary>How long an invite link stays valid.</summary>
    public int InviteDays { get; init; } = 7;

    public IReadOnlySet<long> CoordinatorIds => field ??= Coordinators
        .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(s => long.TryParse(s, out var id) ? id : (long?)null)
        .OfType<long>()
        .ToHashSet();
}
