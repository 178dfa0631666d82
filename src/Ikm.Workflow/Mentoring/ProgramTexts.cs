using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Mentoring;

public static class ProgramTexts
{
    public static readonly Text CoordinatorsOnly = new("Perintah itu hanya untuk koordinator program.", "That is for program coordinators only.");
    public static readonly Text AdministratorsOnly = new(
        "Itu berlaku untuk semua kohort, jadi hanya administrator program yang dapat melakukannya. Hubungi administrator program Anda.",
        "That applies to every cohort, so only a program administrator can do it. Please contact your program administrator.");
    public static readonly Text MentorsOnly = new("Itu hanya untuk pendamping (mentor).", "That is for mentors only.");
    public static readonly Text NoCohort = new(
        "Belum ada kohort. Buat dulu lewat menu koordinator: 🗂 Buat kohort.",
        "There is no cohort yet. Create one first from the coordinator menu: 🗂 New cohort.");
    public static readonly Text ChooseCohort = new("Pilih kohort:", "Choose a cohort:");

    // Cohort form
    public static readonly Text CohortCreated = new(
        "✅ Kohort \"{0}\" dibuat: {1}, {2}, mulai {3} selama {4} bulan. Aturan: minimal {5} kunjungan/IKM/minggu, minimal {6} jam per kunjungan, maksimal {7} IKM per pendamping.\nLangkah berikutnya: undang pendamping dengan /undang mentor Nama Pendamping.",
        "✅ Cohort \"{0}\" created: {1}, {2}, starting {3} for {4} months. Rules: at least {5} visits/IKM/week, at least {6} hours a visit, at most {7} IKMs per mentor.\nNext: invite mentors with /undang mentor Mentor Name.");

    // Invites
    public static readonly Text InviteUsage = new(
        "Cara mengundang: /undang mentor Nama Pendamping, /undang koordinator Nama, atau /undang pemilik Nama Usaha. Tautan berlaku {0} hari dan hanya sekali pakai. Daftar undangan: /undangan",
        "To invite: /undang mentor Mentor Name, /undang koordinator Name, or /undang pemilik Business Name. A link works for {0} days, once. List of invites: /undangan");
    public static readonly Text InviteCreated = new(
        "✉️ Undangan {0} untuk {1} (kohort {2}), berlaku sampai {3}. Teruskan tautan ini kepada yang bersangkutan:\n{4}",
        "✉️ {0} invite for {1} (cohort {2}), valid until {3}. Forward this link to them:\n{4}");
    public static readonly Text InviteList = new("Undangan yang masih berlaku:", "Invites still valid:");
    public static readonly Text NoInvites = new("Tidak ada undangan yang masih berlaku.", "No invites are still valid.");
    public static readonly Text Revoke = new("🚫 Cabut", "🚫 Revoke");
    public static readonly Text Revoked = new("Undangan untuk {0} dicabut; tautannya tidak bisa dipakai lagi.", "The invite for {0} is revoked; its link no longer works.");
    public static readonly Text InviteUnknown = new(
        "Tautan undangan itu tidak dikenal. Periksa lagi tautannya, atau minta tautan baru kepada koordinator.",
        "That invite link is not known. Check the link, or ask your coordinator for a new one.");
    public static readonly Text InviteUsed = new(
        "Tautan undangan itu sudah dipakai. Setiap tautan hanya berlaku sekali — minta tautan baru kepada koordinator.",
        "That invite link has already been used. Each link works once — ask your coordinator for a new one.");
    public static readonly Text InviteExpired = new(
        "Tautan undangan itu sudah kedaluwarsa ({0}). Minta tautan baru kepada koordinator.",
        "That invite link expired ({0}). Ask your coordinator for a new one.");
    public static readonly Text InviteRevoked = new(
        "Tautan undangan itu sudah dicabut oleh koordinator. Minta tautan baru bila perlu.",
        "That invite link was revoked by the coordinator. Ask for a new one if needed.");
    public static readonly Text InviteAccepted = new(
        "🎉 Selamat bergabung di kohort \"{0}\" sebagai {1}, {2}!",
        "🎉 Welcome to the cohort \"{0}\" as {1}, {2}!");
    public static readonly Text RoleMentor = new("pendamping", "mentor");
    public static readonly Text RoleCoordinator = new("koordinator", "coordinator");
    public static readonly Text RoleOwner = new("pemilik IKM", "IKM owner");

    // Approval
    public static readonly Text NewRegistration = new(
        "🆕 Pendaftaran IKM baru menunggu persetujuan: {0} ({1}, {2}). Buka ⏳ Persetujuan di menu koordinator.",
        "🆕 A new IKM registration awaits approval: {0} ({1}, {2}). Open ⏳ Approvals in the coordinator menu.");
    public static readonly Text PendingList = new("IKM yang menunggu persetujuan:", "IKMs awaiting approval:");
    public static readonly Text NoPending = new("Tidak ada pendaftaran yang menunggu persetujuan.", "No registrations await approval.");
    public static readonly Text Approve = new("✅ {0}", "✅ {0}");
    public static readonly Text Reject = new("❌ Tolak", "❌ Reject");
    public static readonly Text Approved = new("✅ {0} diterima di kohort \"{1}\".", "✅ {0} admitted to the cohort \"{1}\".");
    public static readonly Text Rejected = new("{0} tidak diterima.", "{0} was not admitted.");
    public static readonly Text OwnerApproved = new(
        "🎉 Usaha Anda diterima di program pendampingan \"{0}\". Pendamping akan segera ditugaskan.",
        "🎉 Your business was admitted to the mentoring program \"{0}\". A mentor will be assigned soon.");
    public static readonly Text AlreadyDecided = new("Pendaftaran itu sudah diputuskan sebelumnya.", "That registration was already decided.");

    // Assignment
    public static readonly Text ChooseIkm = new("Pilih IKM yang akan ditugaskan (pendamping saat ini di belakang tanda —):", "Choose the IKM to assign (current mentor after —):");
    public static readonly Text NoIkms = new("Belum ada IKM yang diterima di kohort ini.", "No IKM has been admitted to this cohort yet.");
    public static readonly Text ChooseMentor = new("Pilih pendamping untuk {0} (beban saat ini / maksimal):", "Choose the mentor for {0} (current load / maximum):");
    public static readonly Text NoMentors = new("Belum ada pendamping di kohort ini. Undang dengan /undang mentor Nama.", "No mentor in this cohort yet. Invite one with /undang mentor Name.");
    public static readonly Text OverCapacity = new(
        "❌ {0} sudah mendampingi {1} IKM; batas kohort ini {2} IKM per pendamping. Pilih pendamping lain.",
        "❌ {0} already mentors {1} IKMs; this cohort's limit is {2} per mentor. Choose another mentor.");
    public static readonly Text CommodityDiffers = new(
        "⚠️ {0} mendampingi sentra {1}, sedangkan {2} dari sentra {3}. Satu pendamping sebaiknya untuk satu sentra. Tetap tugaskan?",
        "⚠️ {0} mentors the {1} cluster, while {2} is in {3}. One mentor should stay with one cluster. Assign anyway?");
    public static readonly Text AssignAnyway = new("Tetap tugaskan", "Assign anyway");
    public static readonly Text DontAssign = new("❌ Batal", "❌ Cancel");
    public static readonly Text NotAssigned = new("Baik, tidak ditugaskan.", "All right, not assigned.");
    public static readonly Text Assigned = new("✅ {0} sekarang didampingi {1}.", "✅ {0} is now mentored by {1}.");
    public static readonly Text Reassigned = new("✅ {0} dipindahkan dari {1} ke {2}; riwayat penugasan tetap tersimpan.", "✅ {0} moved from {1} to {2}; the assignment history is kept.");
    public static readonly Text MentorAssigned = new("📌 IKM baru untuk Anda dampingi: {0} ({1}, {2}).", "📌 A new IKM for you to mentor: {0} ({1}, {2}).");
    public static readonly Text NotAllowed = new("Anda tidak berwenang untuk itu.", "You are not allowed to do that.");

    // The lines of the coordinator's /bantuan (EntryRoute.Help).
    public static readonly Text SummaryHelp = new("ringkasan mingguan kohort: kunjungan, IKM tanpa kunjungan, evaluasi", "the cohort's weekly summary: visits, IKMs not visited, evaluations");
    public static readonly Text LateHelp = new("IKM dan pendamping yang terlambat (kunjungan, logbook, evaluasi)", "IKMs and mentors that are late (visits, logbooks, evaluations)");
    public static readonly Text RankingHelp = new("peringkat pendamping menurut kepatuhan", "mentors ranked by compliance");
    public static readonly Text ExportHelp = new(
        "unduh data kohort sebagai berkas Excel (/ekspor csv: tiap lembar sebagai CSV dalam satu ZIP)",
        "download the cohort's data as an Excel workbook (/export csv: each sheet as CSV in one ZIP)");
    public static readonly Text InviteHelp = new(
        "undang: /undang mentor Nama, /undang koordinator Nama, /undang pemilik Nama Usaha; yang diundang membuka tautannya (di chat lokal: /start <kode undangan>, kodenya di akhir tautan)",
        "invite: /invite mentor Name, /invite koordinator Name, /invite pemilik Business Name; the invitee opens the link (in the local chat: /start <invite code>, the code at the end of the link)");
    public static readonly Text InvitesHelp = new("daftar undangan yang masih berlaku, dan mencabutnya", "the invites still open, and revoking them");
    public static readonly Text ApprovalsHelp = new("IKM yang menunggu persetujuan masuk kohort", "IKMs waiting to be admitted to a cohort");
    public static readonly Text AssignHelp = new("tugaskan pendamping ke IKM (atau pindahkan)", "assign a mentor to an IKM (or move it)");
    public static readonly Text HistoryHelp = new("riwayat perubahan kohort (siapa, kapan, apa)", "the cohort's audit trail (who, when, what)");
    // Assignment notices
    public static readonly Text OwnerMentorAssigned = new(
        "🤝 Pendamping usaha Anda sekarang {0}. Pendamping akan menghubungi Anda untuk berkunjung ke rumah produksi.",
        "🤝 Your business's mentor is now {0}. Your mentor will contact you to visit the production house.");
    public static readonly Text OwnerMentorPhone = new("📞 Nomor pendamping: {0}", "📞 Mentor's number: {0}");
    public static readonly Text MentorMovedAway = new(
        "ℹ️ {0} tidak lagi Anda dampingi: koordinator menugaskannya kepada {1}. Kunjungan dan logbook Anda tetap tersimpan.",
        "ℹ️ You no longer mentor {0}: the coordinator assigned it to {1}. Your visits and logbook stay on record.");

    // The mentor's "share my number with my IKMs" setting
    public static readonly Text ContactHelp = new(
        "bagikan nomor saya ke IKM (mati bila belum diatur): /nomorsaya 0812… menyalakan, /nomorsaya mati mematikan",
        "share my number with my IKMs (off until set): /myphone 0812… turns it on, /myphone off turns it off");
    public static readonly Text ContactStatusOff = new(
        "📵 Bagikan nomor saya ke IKM: mati. Untuk menyalakan, kirim /nomorsaya diikuti nomor HP Anda, misalnya: /nomorsaya 0812 3456 7890. Nomor itu dikirim kepada pemilik IKM yang Anda dampingi sekarang dan yang ditugaskan kepada Anda nanti.",
        "📵 Share my number with my IKMs: off. To turn it on, send /nomorsaya followed by your phone number, for example: /nomorsaya 0812 3456 7890. The number is sent to the owners of the IKMs you mentor now and of those assigned to you later.");
    public static readonly Text ContactStatusOn = new(
        "📱 Bagikan nomor saya ke IKM: nyala ({0}). Pemilik IKM yang ditugaskan kepada Anda menerima nomor ini.",
        "📱 Share my number with my IKMs: on ({0}). Owners of IKMs assigned to you receive this number.");
    public static readonly Text ContactOn = new(
        "✅ Nomor {0} akan dibagikan kepada pemilik IKM yang ditugaskan kepada Anda.",
        "✅ The number {0} will be shared with the owners of IKMs assigned to you.");
    public static readonly Text ContactOnAndSent = new(
        "✅ Nomor {0} dikirim kepada {1} pemilik IKM yang Anda dampingi sekarang, dan akan dibagikan kepada pemilik IKM yang ditugaskan kepada Anda nanti.",
        "✅ The number {0} is sent to the owners of the {1} IKMs you mentor now, and will be shared with the owners of IKMs assigned to you later.");
    public static readonly Text ContactUnchanged = new(
        "📱 Nomor {0} sudah dibagikan kepada pemilik IKM Anda; tidak dikirim lagi.",
        "📱 The number {0} is already shared with your IKMs' owners; it is not sent again.");
    public static readonly Text OwnerMentorShared = new(
        "📞 Pendamping Anda, {0}, membagikan nomornya: {1}",
        "📞 Your mentor, {0}, shares their number: {1}");
    public static readonly Text ContactOff = new(
        "🔕 Nomor Anda tidak dibagikan lagi kepada pemilik IKM.",
        "🔕 Your number is no longer shared with IKM owners.");
    public static readonly Text ContactStop = new("🔕 Jangan bagikan nomor saya", "🔕 Stop sharing my number");
    public static readonly Text ContactInvalid = new(
        "Nomor itu tidak bisa dibaca. Tulis nomor HP Indonesia, misalnya: /nomorsaya 0812 3456 7890",
        "That number could not be read. Write an Indonesian mobile number, for example: /nomorsaya 0812 3456 7890");
}
