using System.Globalization;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Members;
using Ikm.Workflow.Program;

namespace Ikm.Workflow.Flows.OwnerData;

/// <summary>Gathers <see cref="OwnerDataSnapshot"/> from the store (through a <see cref="ChatWork"/>): what /datasaya hands over.</summary>
public static class OwnerDataCollector
{
    /// <summary>Everything stored about the owner; null when nothing is (no business, diagnosis or unfinished answers).</summary>
    public static async Task<OwnerDataSnapshot?> CollectAsync(ChatWork work, long userId, Member? member, DateTimeOffset now)
    {
        var business = await work.GetBusinessAsync(userId);
        var diagnoses = await work.GetDiagnosesAsync(userId);
        var conversation = await work.StoredConversationAsync(member?.ChatId ?? userId);
        var draft = conversation is { Data.Count: > 0 }
            ? new OwnerDraft(conversation.Flow, conversation.UpdatedAt, new SortedDictionary<string, string>(conversation.Data, StringComparer.Ordinal))
            : null;
        if (business is null && diagnoses.Count == 0 && draft is null)
            return null;

        var memberships = (await work.FindAsync<CohortMembership>("owner", userId.ToString(CultureInfo.InvariantCulture))).ToList();
        if (business is not null)
            memberships.AddRange((await work.FindAsync<CohortMembership>("business", business.Id.ToString())).Where(m => memberships.All(o => o.Id != m.Id)));
        var visits = business is null ? [] : await work.FindAsync<Visit>("business", business.Id.ToString());
        var evaluations = business is null ? [] : await work.FindAsync<Evaluation>("business", business.Id.ToString());

        var mentorNames = new Dictionary<(string, long), string>();
        async Task<string> MentorAsync(string cohortId, long mentorUserId)
        {
            if (!mentorNames.TryGetValue((cohortId, mentorUserId), out var name))
            {
                name = (await work.GetAsync<CohortStaff>(CohortStaff.IdFor(cohortId, mentorUserId)))?.DisplayName
                    ?? mentorUserId.ToString(CultureInfo.InvariantCulture);
                mentorNames[(cohortId, mentorUserId)] = name;
            }
            return name;
        }

        var ownMemberships = new List<OwnerMembership>();
        foreach (var m in memberships.OrderBy(m => m.RequestedAt))
            ownMemberships.Add(new OwnerMembership(m.CohortId, (await work.GetAsync<Cohort>(m.CohortId))?.Name ?? "", m.Status, m.RequestedAt, m.DecidedAt));

        var ownVisits = new List<OwnerVisit>();
        foreach (var v in visits.OrderBy(v => v.StartedAt))
        {
            ownVisits.Add(new OwnerVisit(v.StartedAt, v.EndedAt, v.Duration is { } d ? Math.Round(d.TotalHours, 2) : null,
                await MentorAsync(v.CohortId, v.MentorUserId), v.Status, v.Problem, v.Mentored, v.Result, v.NextStep, v.Areas, v.Photos.Count));
        }

        var mentorEvaluations = new List<OwnerEvaluation>();
        var selfAssessments = new List<OwnerEvaluation>();
        foreach (var e in evaluations.OrderBy(e => e.Month, StringComparer.Ordinal).ThenBy(e => e.CompletedAt))
        {
            if (e.SelfAssessment)
                selfAssessments.Add(new OwnerEvaluation(e.Month, "", e.CompletedAt, e.Areas));
            else
                mentorEvaluations.Add(new OwnerEvaluation(e.Month, await MentorAsync(e.CohortId, e.AuthorUserId), e.CompletedAt, e.Areas));
        }

        return new OwnerDataSnapshot(member, business, diagnoses, now)
        {
            Memberships = ownMemberships,
            Visits = ownVisits,
            Evaluations = mentorEvaluations,
            SelfAssessments = selfAssessments,
            AnswersInProgress = draft,
        };
    }
}
