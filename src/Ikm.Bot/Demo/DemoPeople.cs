namespace Ikm.Bot.Demo;

/// <summary>A sentra of the Palu cohort and its mentor.</summary>
public sealed record DemoSentra(string Label, string Products, string MentorName, IReadOnlyList<string> Businesses);

/// <summary>An IKM owner's profile as they answer the registration, and how the program goes for them.</summary>
public sealed record DemoOwner(
    long UserId,
    string Name,
    string BusinessName,
    DemoSentra Sentra,
    int Mentor,
    int Index,
    string Kecamatan,
    string Kelurahan,
    double Latitude,
    double Longitude,
    string Phone,
    int Workers,
    string Turnover,
    bool HasPirt,
    bool KeepsBooks,
    bool HasBank,
    /// <summary>0–1: how well the business already runs (diagnosis answers).</summary>
    double Strength,
    /// <summary>Score points gained per month of mentoring (monthly evaluation).</summary>
    int Progress,
    /// <summary>Answers nothing after the diagnosis: no self-assessment, not at home for the mentor.</summary>
    bool Silent);
