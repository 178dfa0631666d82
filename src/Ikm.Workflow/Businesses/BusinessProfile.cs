using System.Globalization;
using Ikm.Workflow.Messaging;

namespace Ikm.Workflow.Businesses;

/// <summary>Between the registration questionnaire's stored answers (by question id) and the <see cref="Business"/> record.</summary>
public static class BusinessProfile
{
    public const string ConsentVersion = "persetujuan-2025.1";

    public static void Apply(Business business, IReadOnlyDictionary<string, string> answers)
    {
        string? Get(string id) => answers.TryGetValue(id, out var v) && v.Length > 0 ? v : null;

        business.OwnerName = Get("owner_name");
        business.BusinessName = Get("business_name");
        business.Products = Get("products");
        business.Commodity = Get("commodity") == "lainnya" ? Get("commodity_other") ?? "lainnya" : Get("commodity") ?? "";
        business.Kecamatan = Get("kecamatan");
        business.Kelurahan = Get("kelurahan");
        business.Location = ParseLocation(Get("location"));
        business.Phone = Get("phone");
        business.Workers = int.TryParse(Get("workers"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var workers) ? workers : 0;
        business.MonthlyTurnover = decimal.TryParse(Get("turnover"), NumberStyles.Number, CultureInfo.InvariantCulture, out var turnover) ? turnover : 0;
        business.Legality = Get("legality")?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(v => v != "none").ToList() ?? [];
        business.KeepsBooks = Get("keeps_books") == "yes";
        business.HasBankAccount = Get("has_bank_account") == "yes";
        business.HadBankCredit = business.HasBankAccount ? Get("had_credit") == "yes" : null;
    }

    /// <summary>The stored answers that reproduce a business, to prefill the form when the owner edits the profile.</summary>
    public static Dictionary<string, string> ToAnswers(Business business, IReadOnlyCollection<string> commodityValues)
    {
        var answers = new Dictionary<string, string>();
        void Set(string id, string? value)
        {
            if (value is not null) answers[id] = value;
        }

        Set("owner_name", business.OwnerName);
        Set("business_name", business.BusinessName);
        Set("products", business.Products);
        if (commodityValues.Contains(business.Commodity))
        {
            Set("commodity", business.Commodity);
        }
        else
        {
            Set("commodity", "lainnya");
            Set("commodity_other", business.Commodity);
        }

        Set("kecamatan", business.Kecamatan);
        Set("kelurahan", business.Kelurahan);
        Set("location", business.Location is { } p ? string.Create(CultureInfo.InvariantCulture, $"{p.Latitude:0.######},{p.Longitude:0.######}") : "");
        Set("phone", business.Phone);
        Set("workers", business.Workers.ToString(CultureInfo.InvariantCulture));
        Set("turnover", business.MonthlyTurnover.ToString(CultureInfo.InvariantCulture));
        Set("legality", business.Legality.Count == 0 ? "none" : string.Join(' ', business.Legality));
        Set("keeps_books", business.KeepsBooks ? "yes" : "no");
        Set("has_bank_account", business.HasBankAccount ? "yes" : "no");
        if (business.HadBankCredit is { } credit) Set("had_credit", credit ? "yes" : "no");
        return answers;
    }

    /// <summary>Removes everything that identifies the owner; keeps what the program's anonymous figures need.</summary>
    public static void Anonymise(Business business, DateTimeOffset now)
    {
        business.OwnerUserId = 0;
        business.OwnerName = null;
        business.BusinessName = null;
        business.Products = null;
        business.Kelurahan = null;
        business.Location = null;
        business.Phone = null;
        business.Consent = null;
        business.Anonymised = true;
        business.UpdatedAt = now;
    }

    private static GeoPoint? ParseLocation(string? stored)
    {
        if (stored?.Split(',') is not [var lat, var lon]) return null;
        return double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
               && double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude)
            ? new GeoPoint(latitude, longitude)
            : null;
    }
}
