using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Flows.Onboarding;

public static class OnboardingTexts
{
    public static readonly Text Welcome = new(
        "Selamat datang di Ikm.Bot 👋\nSaya asisten program pendampingan IKM: pendaftaran usaha, diagnosis usaha, kunjungan pendamping, dan evaluasi bulanan.\nPemilik IKM bisa langsung mendaftar. Pendamping dan koordinator bergabung lewat tautan undangan dari koordinator program (di chat lokal: ketik /start <kode undangan>).\n\nSilakan pilih bahasa:",
        "Welcome to Ikm.Bot 👋\nI am the assistant of the IKM mentoring program: business registration, business diagnosis, mentor visits and monthly evaluation.\nIKM owners can register right away. Mentors and coordinators join through an invite link from the program coordinator (in the local chat: type /start <invite code>).\n\nPlease choose a language:");

    public static readonly Text AskLanguage = new("Silakan pilih bahasa:", "Please choose a language:");

    public static readonly Text AskRole = new(
        "Bahasa: Bahasa Indonesia.\nAnda bergabung sebagai apa?",
        "Language: English.\nHow are you joining?");

    public static readonly Text LanguageHelp = new(
        "Pilih bahasa dengan menekan salah satu tombol: Bahasa Indonesia atau English.",
        "Choose a language by pressing one of the buttons: Bahasa Indonesia or English.");

    public static readonly Text RoleHelp = new(
        "Pilih peran Anda dengan tombol di bawah: Pemilik IKM (pelaku usaha), Pendamping (mentor), atau Koordinator program.",
        "Choose your role with the buttons below: IKM owner (business owner), Mentor, or Program coordinator.");

    public static readonly Text RoleOwner = new("🏭 Pemilik IKM", "🏭 IKM owner");
    public static readonly Text RoleMentor = new("🧑‍🏫 Pendamping (mentor)", "🧑‍🏫 Mentor");
    public static readonly Text RoleCoordinator = new("📋 Koordinator", "📋 Coordinator");

    public static readonly Text NeedsInvite = new(
        "Peran {0} memerlukan undangan dari koordinator program. Mintalah tautan undangan kepada koordinator Dinas Anda, lalu buka tautan itu (di chat lokal: ketik /start <kode undangan>). Untuk sekarang, silakan pilih peran lain.",
        "The {0} role needs an invitation from the program coordinator. Ask your coordinator for an invite link and open it (in the local chat: type /start <invite code>). For now, please choose another role.");

    public static readonly Text LanguageChanged = new("Bahasa diganti ke Bahasa Indonesia.", "Language changed to English.");

    public static readonly Text LanguageCommandHelp = new("ganti bahasa", "change language");
}
