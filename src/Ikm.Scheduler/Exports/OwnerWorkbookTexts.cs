using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Members;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Texts;

namespace Ikm.Scheduler.Exports;

/// <summary>The /datasaya workbook's sheet names, fields, column headers and status words, Bahasa Indonesia first.</summary>
public static class OwnerWorkbookTexts
{
    // Sheets
    public static readonly Text ProfileSheet = new("Profil", "Profile");
    public static readonly Text DiagnosisSheet = new("Diagnosis", "Diagnosis");
    public static readonly Text AnswersSheet = new("Jawaban", "Answers");
    public static readonly Text ProgramSheet = new("Program", "Programs");
    public static readonly Text VisitSheet = new("Kunjungan", "Visits");
    public static readonly Text EvaluationSheet = new("Evaluasi", "Evaluations");
    public static readonly Text SelfAssessmentSheet = new("Penilaian diri", "Self-assessments");
    public static readonly Text InProgressSheet = new("Belum selesai", "In progress");

    // Profile fields
    public static readonly Text Field = new("Isian", "Field");
    public static readonly Text Value = new("Nilai", "Value");
    public static readonly Text Exported = new("Diekspor (UTC)", "Exported (UTC)");
    public static readonly Text Role = new("Peran", "Role");
    public static readonly Text Language = new("Bahasa", "Language");
    public static readonly Text OwnerName = new("Nama pemilik", "Owner name");
    public static readonly Text BusinessName = new("Nama usaha", "Business name");
    public static readonly Text Products = new("Produk", "Products");
    public static readonly Text Commodity = new("Komoditas", "Commodity");
    public static readonly Text Location = new("Lokasi", "Location");
    public static readonly Text Phone = new("No. HP", "Phone");
    public static readonly Text Workers = new("Tenaga kerja", "Workers");
    public static readonly Text Turnover = new("Omzet per bulan (Rp)", "Monthly turnover (Rp)");
    public static readonly Text Licences = new("Izin", "Licences");
    public static readonly Text Bookkeeping = new("Pembukuan", "Bookkeeping");
    public static readonly Text BankAccount = new("Rekening bank", "Bank account");
    public static readonly Text BankCredit = new("Kredit bank", "Bank credit");
    public static readonly Text ConsentVersion = new("Persetujuan (versi)", "Consent (version)");
    public static readonly Text ConsentTime = new("Persetujuan (waktu, UTC)", "Consent (time, UTC)");
    public static readonly Text Registered = new("Terdaftar", "Registered");

    // Columns
    public static readonly Text Started = new("Mulai (UTC)", "Started (UTC)");
    public static readonly Text Ended = new("Selesai (UTC)", "Ended (UTC)");
    public static readonly Text Status = new("Status", "Status");
    public static readonly Text Area = new("Bidang", "Area");
    public static readonly Text Score = new("Skor", "Score");
    public static readonly Text Questionnaire = new("Kuesioner", "Questionnaire");
    public static readonly Text Question = new("Pertanyaan", "Question");
    public static readonly Text Answer = new("Jawaban", "Answer");
    public static readonly Text Source = new("Sumber", "Source");
    public static readonly Text FromProfile = new("profil usaha", "business profile");
    public static readonly Text Answered = new("dijawab", "answered");
    public static readonly Text Cohort = new("Kohort", "Cohort");
    public static readonly Text Requested = new("Diajukan (UTC)", "Requested (UTC)");
    public static readonly Text Decided = new("Diputuskan (UTC)", "Decided (UTC)");
    public static readonly Text Hours = new("Jam", "Hours");
    public static readonly Text Mentor = new("Pendamping", "Mentor");
    public static readonly Text Problem = new("Masalah", "Problem");
    public static readonly Text Mentored = new("Didampingkan", "Mentored");
    public static readonly Text Result = new("Hasil", "Result");
    public static readonly Text NextStep = new("Langkah berikut", "Next step");
    public static readonly Text Photos = new("Foto", "Photos");
    public static readonly Text Month = new("Bulan", "Month");
    public static readonly Text Flow = new("Alur", "Form");

    public static readonly Text Yes = new("Ya", "Yes");
    public static readonly Text No = new("Tidak", "No");

    public static string Of(MemberRole role, string lang) => (role switch
    {
        MemberRole.Owner => new Text("Pemilik IKM", "IKM owner"),
        MemberRole.Mentor => new Text("Pendamping", "Mentor"),
        MemberRole.Coordinator => new Text("Koordinator", "Coordinator"),
        _ => new Text("-", "-"),
    }).In(lang);

    public static string Of(DiagnosisStatus status, string lang) =>
        (status == DiagnosisStatus.Completed ? new Text("Selesai", "Completed") : new Text("Belum selesai", "In progress")).In(lang);

    public static string Of(MembershipStatus status, string lang) => (status switch
    {
        MembershipStatus.Approved => new Text("Diterima", "Approved"),
        MembershipStatus.Rejected => new Text("Ditolak", "Rejected"),
        MembershipStatus.Left => new Text("Keluar", "Left"),
        _ => new Text("Menunggu persetujuan", "Waiting for approval"),
    }).In(lang);
}
