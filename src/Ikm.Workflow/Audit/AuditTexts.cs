using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Audit;

/// <summary>How an audit record reads, in /riwayat and in the export's Audit sheet.</summary>
public static class AuditTexts
{
    public static readonly Text Title = new("🧾 Riwayat tindakan ({0} terakhir):", "🧾 Audit trail (last {0}):");
    public static readonly Text Empty = new("Belum ada catatan riwayat untuk kohort Anda.", "There are no audit records for your cohorts yet.");
    public static readonly Text ProgramWide = new("seluruh program", "whole program");

    public static readonly IReadOnlyDictionary<AuditAction, Text> Actions = new Dictionary<AuditAction, Text>
    {
        [AuditAction.Unknown] = new("tindakan tidak dikenal", "unknown action"),
        [AuditAction.RoleChanged] = new("peran diubah", "role changed"),
        [AuditAction.InviteCreated] = new("undangan dibuat", "invite created"),
        [AuditAction.InviteUsed] = new("undangan dipakai", "invite used"),
        [AuditAction.InviteRevoked] = new("undangan dicabut", "invite revoked"),
        [AuditAction.MembershipApproved] = new("IKM diterima di kohort", "IKM admitted to the cohort"),
        [AuditAction.MembershipRejected] = new("pendaftaran IKM ditolak", "IKM registration rejected"),
        [AuditAction.Assigned] = new("IKM ditugaskan ke pendamping", "IKM assigned to a mentor"),
        [AuditAction.AssignmentEnded] = new("penugasan berakhir", "assignment ended"),
        [AuditAction.CohortCreated] = new("kohort dibuat", "cohort created"),
        [AuditAction.CohortEdited] = new("kohort diubah", "cohort edited"),
        [AuditAction.VisitEdited] = new("kunjungan diubah", "visit edited"),
        [AuditAction.EvaluationEdited] = new("evaluasi bulanan diisi ulang", "monthly evaluation redone"),
        [AuditAction.QuestionnaireSwitched] = new("kuesioner diagnosis diganti", "diagnosis questionnaire switched"),
        [AuditAction.Exported] = new("data kohort diekspor", "cohort data exported"),
        [AuditAction.Erased] = new("data pemilik IKM dihapus atas permintaannya", "an IKM owner's data erased at their request"),
        [AuditAction.DashboardSignIn] = new("masuk ke dasbor Hangfire", "signed in to the Hangfire dashboard"),
        [AuditAction.AccessRefused] = new("ditolak: bukan kohort yang dikoordinasinya", "refused: not a cohort they coordinate"),
    };

    public static readonly IReadOnlyDictionary<AuditRole, Text> Roles = new Dictionary<AuditRole, Text>
    {
        [AuditRole.System] = new("sistem", "system"),
        [AuditRole.Owner] = new("pemilik IKM", "IKM owner"),
        [AuditRole.Mentor] = new("pendamping", "mentor"),
        [AuditRole.Coordinator] = new("koordinator", "coordinator"),
        [AuditRole.Administrator] = new("administrator", "administrator"),
    };

    public static string Action(AuditAction action, string language) => Actions.GetValueOrDefault(action, Actions[AuditAction.Unknown]).In(language);

    public static string Role(AuditRole role, string language) => Roles.GetValueOrDefault(role, Roles[AuditRole.System]).In(language);

    /// <summary>"max_ikm: 5 → 4"; a free-text field names only the field (its values are never recorded).</summary>
    public static string? Change(AuditEntry entry) =>
        entry.Field is not { } field ? null
        : entry.OldValue is null && entry.NewValue is null ? field
        : $"{field}: {entry.OldValue ?? "—"} → {entry.NewValue ?? "—"}";
}
