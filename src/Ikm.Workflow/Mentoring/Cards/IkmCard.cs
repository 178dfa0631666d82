using System.Globalization;
using Humanizer;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Flows.OwnerData;
using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Mentoring.Cards;

/// <summary>
/// What a mentor or coordinator needs to reach an IKM, as plain text: the channels send no parse mode, so a name with
/// "*", "_" or "&lt;" shows as typed and cannot break the markup. Telegram makes the phone in international form
/// ("+62…") tap-to-call and the https map link tappable; inline URL buttons could not carry a tel: link (http(s) and tg only).
/// </summary>
public static class IkmCard
{
    /// <summary>What the card shows besides the business itself.</summary>
    public sealed record Facts(DateTimeOffset? LastVisit, IReadOnlyList<string> PlanAreas, string? MentorName);

    public static string Render(Business business, Facts facts, SentraLabels sentra, string language, DateTimeOffset now)
    {
        if (business.Anonymised) return IkmCardTexts.Erased.In(language, OwnerErasure.AnonymousCode(business.Id));
        var lines = new List<string>
        {
            IkmCardTexts.Title.In(language, business.BusinessName ?? "IKM"),
            IkmCardTexts.Owner.In(language, business.OwnerName ?? "-"),
            IkmCardTexts.Products.In(language, business.Products ?? "-"),
            IkmCardTexts.Sentra.In(language, sentra.Of(business.Commodity, language)),
            IkmCardTexts.Place.In(language, business.Kelurahan ?? "-", business.Kecamatan ?? "-"),
        };
        if (business.Phone is { Length: > 0 } phone) lines.Add(IkmCardTexts.Phone.In(language, phone));
        lines.Add(business.Location is { } house ? IkmCardTexts.House.In(language, MapLink(house)) : IkmCardTexts.NoHouse.In(language));
        lines.Add(facts.LastVisit is { } last
            ? IkmCardTexts.LastVisit.In(language, last.Humanize(dateToCompareAgainst: now, culture: Languages.Culture(language)))
            : IkmCardTexts.NeverVisited.In(language));
        lines.Add(facts.PlanAreas.Count > 0 ? IkmCardTexts.Plan.In(language, string.Join(", ", facts.PlanAreas)) : IkmCardTexts.NoPlan.In(language));
        lines.Add(facts.MentorName is { } mentor ? IkmCardTexts.Mentor.In(language, mentor) : IkmCardTexts.NoMentor.In(language));
        return string.Join("\n", lines);
    }

    /// <summary>A map link to the production house that opens in the phone's maps app or browser.</summary>
    public static string MapLink(Messaging.GeoPoint house) =>
        string.Create(CultureInfo.InvariantCulture, $"https://maps.google.com/?q={house.Latitude:0.######},{house.Longitude:0.######}");
}
