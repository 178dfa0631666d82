using Ikm.Workflow.Members;
using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Engine;

/// <summary>The fixed parts of /bantuan around the lines the routes declare (<see cref="CommandGuide"/>).</summary>
public static class GuideTexts
{
    public static readonly Text Owner = new("Panduan pemilik IKM 🏭\nTekan /menu lalu:", "IKM owner guide 🏭\nPress /menu, then:");

    public static readonly Text ProfileUse = new("daftarkan usaha Anda atau ubah datanya", "register your business or edit its details");
    public static readonly Text DiagnosisUse = new("pertanyaan tentang usaha Anda; hasilnya menjadi rencana pembinaan", "questions about your business; the result becomes the mentoring plan");
    public static readonly Text PlanUse = new("bidang dan topik pembinaan Anda", "your mentoring areas and topics");
    public static readonly Text VisitsUse = new("kunjungan pendamping ke usaha Anda", "your mentor's visits to your business");
    public static readonly Text SelfAssessmentUse = new("nilai sendiri kemajuan usaha Anda tiap bulan", "score your own business's progress each month");

    /// <summary>The owner's next step, by how far they are: register, then the diagnosis, then the plan and the monthly self-assessment.</summary>
    public static readonly Text NextRegister = new("👉 Langkah berikutnya: tekan {0} untuk mendaftarkan usaha Anda.", "👉 Next step: press {0} to register your business.");
    public static readonly Text NextDiagnosis = new("👉 Langkah berikutnya: tekan {0} dan jawab pertanyaannya.", "👉 Next step: press {0} and answer its questions.");
    public static readonly Text NextPlan = new("👉 Langkah berikutnya: lihat {0}; tiap bulan isi {1}.", "👉 Next step: see {0}; each month fill in {1}.");

    /// <summary>A program administrator (Bot__Coordinators) joins without an invite; the newcomer's text would send them looking for one.</summary>
    public static readonly Text AdministratorNewcomer = new(
        "Anda administrator program dan belum bergabung. Ketik /start, pilih bahasa, lalu 📋 Koordinator — tanpa undangan.\nPemilik IKM bisa langsung mendaftar; pendamping dan koordinator lain Anda undang dengan /undang setelah bergabung.",
        "You are a program administrator and have not joined yet. Type /start, choose a language, then 📋 Coordinator — no invite needed.\nIKM owners can register right away; you invite mentors and other coordinators with /invite once you have joined.");

    public static readonly Text Administrator = new(
        "Sebagai administrator program: Anda melihat semua kohort, dan /kuesioner namaberkas.yaml mengganti kuesioner diagnosis (berkas di folder questionnaires).",
        "As program administrator: you see every cohort, and /questionnaire filename.yaml switches the diagnosis questionnaire (files in the questionnaires folder).");

    public static readonly Text Mentor = new(
        "Panduan pendamping 🧑‍🏫\nTombol di /menu sama dengan perintah ini:",
        "Mentor guide 🧑‍🏫\nThe buttons in /menu do the same as these commands:");

    public static readonly Text Coordinator = new(
        "Panduan koordinator 📋\nKohort, undangan, persetujuan, penugasan dan laporan. Tombol di /menu membuka yang sering dipakai:",
        "Coordinator guide 📋\nCohorts, invites, approvals, assignments and reports. The buttons in /menu open the ones used most:");

    public static readonly Text Newcomer = new(
        "Anda belum bergabung. Ketik /start, pilih bahasa, lalu peran Anda.\nPemilik IKM langsung bisa mendaftar. Pendamping dan koordinator bergabung lewat tautan undangan dari koordinator program (di chat lokal: ketik /start <kode undangan>).",
        "You have not joined yet. Type /start, choose a language, then your role.\nIKM owners can register right away. Mentors and coordinators join through an invite link from the program coordinator (in the local chat: type /start <invite code>).");

    public static readonly Text AnyTime = new("Kapan saja:", "At any time:");

    public static Text Header(MemberRole role) => role switch
    {
        MemberRole.Owner => Owner,
        MemberRole.Mentor => Mentor,
        MemberRole.Coordinator => Coordinator,
        _ => Newcomer,
    };
}
