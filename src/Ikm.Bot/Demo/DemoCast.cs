using System.Globalization;

namespace Ikm.Bot.Demo;

/// <summary>
/// The people of the Palu cohort, drawn from the seed: a coordinator at the Dinas, one mentor per sentra, and owners
/// with varied profiles — turnover from "750rb" to "25 jt", some with PIRT, some keeping books — one of whom goes silent.
/// </summary>
public sealed class DemoCast
{
    public const long CoordinatorId = 1;
    public const string CoordinatorName = "Nurhayati Lamasitudju";
    public const string CohortName = "Pendampingan IKM Kota Palu 2026";
    public static long MentorId(int mentor) => 11 + mentor;

    public static readonly IReadOnlyList<DemoSentra> AllSentra =
    [
        new("Abon ikan", "abon tuna, abon cakalang", "Rina Marlina",
            ["Abon Cakalang Teluk Palu", "Abon Tuna Mama Ipa", "Dapur Abon Lere", "Abon Sagela Tondo", "Abon Nelayan Talise"]),
        new("Olahan kelor", "teh kelor, stik kelor", "Andi Baso Mappa",
            ["Kelor Lestari Kawatuna", "Stik Kelor Bu Ani", "Teh Daun Kelor Pengawu", "Kelorina Silae", "Serbuk Kelor Tipo"]),
        new("Bawang goreng", "bawang goreng original, bawang goreng pedas", "Yusran Lasahido",
            ["Bawang Goreng Palu Asli", "Bawang Renyah Tavanjuka", "Bawang Goreng Bu Hasna", "Bawang Lembah Palu", "Bawang Goreng Nunu"]),
    ];

    private static readonly string[] OwnerNames =
    [
        "Siti Rahmawati", "Hasna Lamakarate", "Ipa Daeng Matta", "Fatmawati Tombolotutu", "Nurlela Pettalolo",
        "Ani Marzuki", "Rosmiati Lasahido", "Yuliana Tandiabang", "Masyita Djanggola", "Wahyuni Lapasere",
        "Hadija Baso", "Sartika Lamadjido", "Marlina Tanjumbulu", "Darmawati Lamalindu", "Jumriati Datupalinge",
    ];

    private static readonly (string Kecamatan, string Kelurahan, double Lat, double Lon)[] Places =
    [
        ("Palu Barat", "Lere", -0.8917, 119.8707), ("Ulujadi", "Tipo", -0.8643, 119.8420), ("Mantikulore", "Talise", -0.8771, 119.8893),
        ("Tatanga", "Tavanjuka", -0.9290, 119.8636), ("Palu Timur", "Besusu Barat", -0.8938, 119.8781), ("Tawaeli", "Pantoloan", -0.7106, 119.8606),
        ("Palu Selatan", "Tatura Utara", -0.9083, 119.8808), ("Mantikulore", "Kawatuna", -0.9031, 119.9161), ("Ulujadi", "Silae", -0.8838, 119.8500),
        ("Tatanga", "Pengawu", -0.9329, 119.8574), ("Palu Utara", "Mamboro", -0.8186, 119.8761), ("Tondo", "Tondo", -0.8418, 119.8932),
        ("Palu Barat", "Ujuna", -0.8878, 119.8637), ("Tatanga", "Palupi", -0.9520, 119.8640), ("Palu Barat", "Nunu", -0.9134, 119.8686),
    ];

    private static readonly string[] Turnovers = ["750rb", "1,5 jt", "2 juta", "Rp 3.500.000", "5 jt", "8 jt", "12 jt", "25 jt"];

    private DemoCast(IReadOnlyList<DemoSentra> sentra, IReadOnlyList<DemoOwner> owners)
    {
        Sentra = sentra;
        Owners = owners;
    }

    public IReadOnlyList<DemoSentra> Sentra { get; }
    public IReadOnlyList<DemoOwner> Owners { get; }

    public DemoOwner Silent => Owners.Single(o => o.Silent);

    public static DemoCast Draw(DemoOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        var sentra = AllSentra.Take(options.Mentors).ToList();
        var names = OwnerNames.OrderBy(_ => random.Next()).ToList();
        var places = Places.OrderBy(_ => random.Next()).ToList();
        var count = sentra.Count * options.IkmsPerMentor;
        // The silent owner is never a mentor's first IKM (whose Monday visit the others' catch-up visits follow).
        var silent = options.IkmsPerMentor == 1 ? 0 : random.Next(count / options.IkmsPerMentor) * options.IkmsPerMentor + 1 + random.Next(options.IkmsPerMentor - 1);
        var owners = new List<DemoOwner>(count);
        for (var n = 0; n < count; n++)
        {
            var mentor = n / options.IkmsPerMentor;
            var index = n % options.IkmsPerMentor;
            var place = places[n % places.Count];
            var turnover = random.Next(Turnovers.Length);
            var strength = Math.Round((turnover + random.NextDouble() * 3) / (Turnovers.Length + 2), 2);
            owners.Add(new DemoOwner(
                UserId: 101 + n,
                Name: names[n % names.Count],
                BusinessName: sentra[mentor].Businesses[index],
                Sentra: sentra[mentor],
                Mentor: mentor,
                Index: index,
                Kecamatan: place.Kecamatan,
                Kelurahan: place.Kelurahan,
                Latitude: place.Lat,
                Longitude: place.Lon,
                Phone: string.Create(CultureInfo.InvariantCulture, $"+62 812 {4100 + n * 37:0000} {random.Next(1000, 9999)}"),
                Workers: 1 + random.Next(3) + turnover,
                Turnover: Turnovers[turnover],
                HasPirt: turnover >= 3 || random.Next(3) == 0,
                KeepsBooks: random.NextDouble() < strength,
                HasBank: turnover >= 2 || random.Next(2) == 0,
                Strength: strength,
                Progress: random.Next(3) == 0 ? 0 : 1,
                Silent: n == silent));
        }

        return new DemoCast(sentra, owners);
    }
}
