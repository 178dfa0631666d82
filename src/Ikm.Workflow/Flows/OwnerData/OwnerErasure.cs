using Ikm.Workflow.Audit;
using Ikm.Workflow.Businesses;
using Ikm.Workflow.Diagnoses;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Ports;
using Ikm.Workflow.Questionnaires;
using Ikm.Workflow.Reports;
using Ikm.Workflow.Texts;
using Ikm.Workflow.Documents;

namespace Ikm.Workflow.Flows.OwnerData;

/// <summary>What one erasure touched, for the owner's confirmation.</summary>
public sealed record ErasureSummary(bool Profile, int Diagnoses, int Visits, int Evaluations, bool Account, bool Answers);

/// <summary>
/// /hapusdata, everything staged in the turn's one write: the business and its diagnoses are kept anonymised (no owner
/// id, no names, no free text) for the program's figures; cohort memberships lose the owner's id and end (status Left);
/// active assignments end; visits and evaluations of the IKM lose their texts, the house location and the photos (the
/// mentor's hours and dates stay, linked to the anonymous IKM); invites the owner used lose their label; the member and
/// the conversation's answers go; the owner's chat's outbox rows and failed updates, and every outbox row naming the
/// owner, business or phone, are deleted. The mentor and the coordinators are told the IKM left — by its anonymous code.
/// </summary>
public sealed class OwnerErasure(IQuestionnaireCatalog catalog)
{
    public async Task<ErasureSummary> EraseAsync(TurnContext context)
    {
        var userId = context.Message.UserId;
        var business = await context.Work.GetBusinessAsync(userId);
        // Collected before anonymising: the strings to find in queued and delivered messages.
        var mentions = business is null ? [] : MentionsOf(business);
        int visits = 0, evaluations = 0;
        if (business is not null)
        {
            (visits, evaluations) = await EraseProgramRecordsAsync(context, business);
            BusinessProfile.Anonymise(business, context.Now);
            context.Work.Stage(business);
        }

        var diagnoses = await context.Work.GetDiagnosesAsync(userId);
        foreach (var diagnosis in diagnoses)
        {
            RemoveFreeText(diagnosis);
            diagnosis.OwnerUserId = 0;
            context.Work.Stage(diagnosis);
        }

        foreach (var membership in await context.Work.FindAsync<CohortMembership>(DocumentIndex.Owner(userId)))
            Leave(context, membership);

        foreach (var invite in (await context.Work.AllAsync<Invite>()).Where(i => i.UsedBy == userId))
        {
            // The label is the name the coordinator typed for this person.
            invite.Label = "";
            invite.UsedBy = null;
            context.Work.Stage(invite);
        }

        var account = context.Member is not null;
        if (account) context.Work.DeleteMember(userId);
        var answers = context.Conversation.Data.Count > 0;
        context.Conversation.Data.Clear();
        context.Work.EraseFromOutbox(context.Message.ChatId, mentions);
        // A report still to be built for this chat would be queued after the erasure: its request goes with the rows.
        foreach (var request in await context.Work.FindAsync<ReportRequest>(DocumentIndex.Chat(context.Message.ChatId)))
            context.Work.Delete(request);
        return new ErasureSummary(business is not null, diagnoses.Count, visits, evaluations, account, answers);
    }

    /// <summary>The code an anonymised IKM goes by in reports and notices (as the digests name it).</summary>
    public static string AnonymousCode(Guid businessId) => "IKM " + businessId.ToString("N")[..8];

    private async Task<(int Visits, int Evaluations)> EraseProgramRecordsAsync(TurnContext context, Business business)
    {
        var key = DocumentIndex.Business(business.Id);
        var code = AnonymousCode(business.Id);
        var memberships = await context.Work.FindAsync<CohortMembership>(key);
        foreach (var membership in memberships)
            Leave(context, membership);
        foreach (var cohortId in memberships.Select(m => m.CohortId).DefaultIfEmpty("").Distinct())
            Audit(context, cohortId, business.Id, memberships.Where(m => m.CohortId == cohortId));

        var mentors = new HashSet<long>();
        foreach (var assignment in (await context.Work.FindAsync<Assignment>(key)).Where(a => a.IsActive))
        {
            assignment.EndedAt = context.Now;
            context.Work.Stage(assignment);
            mentors.Add(assignment.MentorUserId);
        }

        var visits = await context.Work.FindAsync<Visit>(key);
        foreach (var visit in visits)
        {
            visit.Anonymise();
            context.Work.Stage(visit);
        }

        var evaluations = await context.Work.FindAsync<Evaluation>(key);
        foreach (var evaluation in evaluations)
        {
            evaluation.Anonymise();
            context.Work.Stage(evaluation);
        }

        var told = new HashSet<long>(mentors);
        // The coordinators of the IKM's cohorts; a registration still waiting for a cohort was shown to every coordinator.
        if (memberships.Any(m => m.CohortId.Length == 0))
            told.UnionWith(await ProgramDirectory.CoordinatorChatsAsync(context));
        else if (memberships.Count > 0)
            told.UnionWith(await ProgramDirectory.CoordinatorChatsOfAsync(context, memberships.Select(m => m.CohortId)));
        told.Remove(context.Message.UserId);
        foreach (var chat in told.Order())
            context.SendTo(chat, OwnerDataTexts.IkmLeft.In(await context.Work.LanguageOfAsync(chat), code));
        return (visits.Count, evaluations.Count);
    }

    /// <summary>
    /// The audit record of the erasure, per cohort: the business and membership ids only. Not even the actor's user id —
    /// that is the erased person's account; "the owner of this business" says who acted.
    /// </summary>
    private static void Audit(TurnContext context, string cohortId, Guid businessId, IEnumerable<CohortMembership> memberships) =>
        context.Work.Stage(new AuditEntry
        {
            Id = AuditEntry.NewId(context.Now),
            At = context.Now,
            CohortId = cohortId,
            ActorUserId = 0,
            ActorRole = AuditRole.Owner,
            Action = AuditAction.Erased,
            Targets = [AuditEntry.Target("business", businessId), .. memberships.Select(m => AuditEntry.Target("membership", m.Id))],
        });

    private static void Leave(TurnContext context, CohortMembership membership)
    {
        membership.OwnerUserId = 0;
        if (membership.Status != MembershipStatus.Left)
        {
            membership.Status = MembershipStatus.Left;
            membership.LeftAt = context.Now;
        }
        context.Work.Stage(membership);
    }

    /// <summary>The owner's name, business name and phone (E.164 and the national digits every spelling contains).</summary>
    private static List<string?> MentionsOf(Business business)
    {
        var mentions = new List<string?> { business.OwnerName, business.BusinessName, business.Phone };
        if (business.Phone is { Length: > 3 } phone && phone.StartsWith("+62", StringComparison.Ordinal))
            mentions.Add(phone[3..]);
        return mentions;
    }

    /// <summary>Free-text answers may name people or places; choices and numbers are kept for the scores.</summary>
    private void RemoveFreeText(DiagnosisResponse diagnosis)
    {
        var questionnaire = catalog.Find(diagnosis.QuestionnaireId, diagnosis.QuestionnaireVersion) ?? catalog.Diagnosis;
        foreach (var id in diagnosis.Answers.Keys.ToList())
        {
            if (questionnaire.FindQuestion(id)?.Type is null or QuestionType.Text or QuestionType.Phone or QuestionType.Location or QuestionType.Photo)
                diagnosis.Answers.Remove(id);
        }
    }

}
