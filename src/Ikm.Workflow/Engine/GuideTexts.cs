using Ikm.Workflow.Members;
using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Engine;

/// <summary>The fixed parts of /bantuan around the lines the routes declare (<see cref="CommandGuide"/>).</summary>
public static class GuideTexts
{
    public static readonly Text Owner = new(
        "Panduan pemilik IKM 🏭\nTekan /menu lalu: 👤 Profil usaha (daftar atau ubah data usaha), 🩺 Diagnosis, 📋 Rencana pembinaan, 🗓 Kunjungan pendamping, 📝 Penilaian diri bulanan.",
        "IKM owner guide 🏭\nPress /menu, then: 👤 Business profile (register or edit), 🩺 Diagnosis, 📋 Mentoring plan, 🗓 Mentor visits, 📝 Monthly self-assessment.");

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
