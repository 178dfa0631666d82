using Ikm.Workflow.Members;
using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Engine;

/// <summary>
/// /bantuan for each role, made from the declared routes: the role's own commands first, then those for everyone,
/// then the engine's own. A command declared without a help line stops the start.
/// </summary>
public sealed class CommandGuide
{
    private readonly IReadOnlyList<EntryRoute> _routes;

    public CommandGuide(IEnumerable<EntryRoute> routes)
    {
        _routes = [.. routes.Where(r => r.Commands.Count > 0)];
        if (_routes.FirstOrDefault(r => r.Help is null) is { } silent)
            throw new InvalidOperationException($"Command '/{silent.Commands[0]}' is declared without a help line.");
    }

    /// <param name="administrator">A program administrator (Bot__Coordinators): joins without an invite and may switch the questionnaire.</param>
    /// <param name="nextStep">An owner's next step, by how far they are (registration, diagnosis, plan).</param>
    public string For(MemberRole role, string language, bool administrator = false, string? nextStep = null)
    {
        var lines = new List<string> { (role == MemberRole.None && administrator ? GuideTexts.AdministratorNewcomer : GuideTexts.Header(role)).In(language) };
        if (role == MemberRole.Owner)
            lines.AddRange(MenuPresenter.OwnerEntries.Select(entry => $"{entry.Label.In(language)} — {entry.Use.In(language)}"));
        var own = Lines(_routes.Where(r => r.Role == role && role != MemberRole.None), language);
        if (own.Count > 0) lines.AddRange(["", .. own]);
        if (role == MemberRole.Coordinator && administrator) lines.AddRange(["", GuideTexts.Administrator.In(language)]);
        if (nextStep is not null) lines.AddRange(["", nextStep]);
        lines.AddRange(["", GuideTexts.AnyTime.In(language), .. Lines(_routes.Where(r => r.Role is null), language), CommonTexts.EngineCommands.In(language)]);
        return string.Join("\n", lines);
    }

    private static List<string> Lines(IEnumerable<EntryRoute> routes, string language) =>
        [.. routes.Select(r => $"/{Word(r, language)} — {r.Help!.In(language)}")];

    /// <summary>The Bahasa word, or the English one for English readers where the route declares one.</summary>
    private static string Word(EntryRoute route, string language) =>
        language == Languages.English && route.Commands.Count > 1 ? route.Commands[1] : route.Commands[0];
}
