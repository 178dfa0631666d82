using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Engine;

public static class MenuTexts
{
    public static readonly Text OwnerMenu = new(
        "Menu pemilik IKM 🏭\nAnda terdaftar sebagai pemilik IKM. Pendaftaran usaha dan diagnosis usaha akan dibuka di sini.\n\n/bantuan — panduan · /bahasa — ganti bahasa",
        "IKM owner menu 🏭\nYou are registered as an IKM owner. Business registration and the business diagnosis will open here.\n\n/help — guide · /language — change language");

    public static readonly Text MentorMenu = new(
        "Menu pendamping 🧑‍🏫\nDaftar IKM dampingan, check-in kunjungan, dan logbook pembinaan akan tampil di sini.\n\n/bantuan — panduan · /bahasa — ganti bahasa",
        "Mentor menu 🧑‍🏫\nYour assigned IKMs, visit check-in and the mentoring logbook will appear here.\n\n/help — guide · /language — change language");

    public static readonly Text CoordinatorMenu = new(
        "Menu koordinator 📋\nKohort, undangan, penugasan pendamping, ringkasan, dan ekspor data akan tampil di sini.\n\n/bantuan — panduan · /bahasa — ganti bahasa",
        "Coordinator menu 📋\nCohorts, invites, mentor assignment, digests and data export will appear here.\n\n/help — guide · /language — change language");

    public static readonly Text NotJoined = new(
        "Anda belum bergabung. Ketik /start untuk memulai.",
        "You have not joined yet. Type /start to begin.");

    public static readonly Text WelcomeBack = new(
        "Selamat datang kembali 👋",
        "Welcome back 👋");
}
