using Ikm.Workflow.Businesses;
using Ikm.Workflow.Engine;

namespace Ikm.Workflow.Mentoring.Actions;

/// <summary>
/// Who learns of an assignment besides the mentor: the owner (the mentor's name, and the mentor's number when the
/// mentor shares it) and, on a reassignment, the mentor the IKM moved away from. Written with the assignment's turn.
/// </summary>
public static class AssignmentNotices
{
    public static async Task TellAsync(TurnContext context, Business? business, CohortStaff mentor, Assignment? previous)
    {
        var label = business?.BusinessName ?? "IKM";
        if (previous is not null && previous.MentorUserId != mentor.UserId)
        {
            var language = await context.Work.LanguageOfAsync(previous.MentorUserId);
            context.SendTo(previous.MentorUserId, ProgramTexts.MentorMovedAway.In(language, label, mentor.DisplayName));
        }

        if (business is not { OwnerUserId: > 0 } owned) return;
        var ownerLanguage = await context.Work.LanguageOfAsync(owned.OwnerUserId);
        var contact = await context.Work.GetAsync<MentorContact>(MentorContact.IdFor(mentor.UserId));
        var text = ProgramTexts.OwnerMentorAssigned.In(ownerLanguage, mentor.DisplayName);
        if (contact is not null) text += "\n" + ProgramTexts.OwnerMentorPhone.In(ownerLanguage, contact.Phone);
        context.SendTo(owned.OwnerUserId, text);
    }
}
