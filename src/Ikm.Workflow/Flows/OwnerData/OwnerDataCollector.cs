using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ikm.Workflow.Engine;
using Ikm.Workflow.Members;
using Ikm.Workflow.Mentoring;
using Ikm.Workflow.Documents;

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
            ? new OwnerDraft(conversation.Flow, conversation.UpdatedAt, Readable(conversation.Data))
            : null;
        if (business is null && diagnoses.Count == 0 && draft is null)
            return null;

        var memberships = (await work.FindAsync<CohortMembership>(DocumentIndex.Owner(userId))).ToList();
        if (business is not null)
            memberships.AddRange((await work.FindAsync<CohortMembership>(DocumentIndex.Business(business.Id))).Where(m => memberships.All(o => o.Id != m.Id)));
        var visits = business is null ? [] : await work.FindAsync<Visit>(DocumentIndex.Business(business.Id));
        var evaluations = business is null ? [] : await work.FindAsync<Evaluation>(DocumentIndex.Business(business.Id));

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

    /// <summary>
    /// The conversation's data as the owner can read it: a flow's typed draft (JSON under "draft:{flow}") becomes one
    /// entry per value it holds ("registration.Form.Answers.owner_name"), other entries stay as they are.
    /// </summary>
    private static SortedDictionary<string, string> Readable(IReadOnlyDictionary<string, string> data)
    {
        var readable = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in data)
        {
            if (key.StartsWith("draft:", StringComparison.Ordinal) && TryParse(value) is { } draft) Flatten(draft, key["draft:".Length..], readable);
            else readable[key] = value;
        }

        return readable;
    }

    private static JsonNode? TryParse(string json)
    {
        try { return JsonNode.Parse(json); }
        catch (JsonException) { return null; }
    }

    private static void Flatten(JsonNode? node, string path, SortedDictionary<string, string> into)
    {
        switch (node)
        {
            case JsonObject entries:
                foreach (var (name, child) in entries) Flatten(child, $"{path}.{name}", into);
                break;
            case JsonArray items:
                for (var i = 0; i < items.Count; i++) Flatten(items[i], $"{path}.{i}", into);
                break;
            case JsonValue leaf:
                into[path] = leaf.ToString();
                break;
        }
    }
}
