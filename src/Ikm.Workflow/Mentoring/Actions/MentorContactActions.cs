using Ikm.Workflow.Engine;
using Ikm.Workflow.Kernel;
using Ikm.Workflow.Messaging;
using Ikm.Workflow.Parsing;
using Microsoft.Extensions.Logging;

namespace Ikm.Workflow.Mentoring.Actions;

/// <summary>
/// /nomorsaya (/myphone), mentors only: the "bagikan nomor saya ke IKM" setting, off by default. "/nomorsaya 0812…"
/// turns it on with that number and sends it to the owners of the IKMs assigned now (once per number: the same number
/// again is not sent again); owners assigned later get it with the assignment notice. The button (or "/nomorsaya mati") turns it off.
/// </summary>
public sealed class MentorContactActions(ILogger<MentorContactActions> log) : IActionHandler, IRouteOwner
{
    private const string StopButton = "mc:off";

    public IReadOnlyList<string> ButtonPrefixes { get; } = ["mc:"];

    public IEnumerable<EntryRoute> Routes => [new(Members.MemberRole.Mentor, HandleAsync) { Commands = ["nomorsaya", "myphone"], Help = ProgramTexts.ContactHelp }];

    public async Task HandleAsync(TurnContext context)
    {
        if (!ProgramDirectory.IsMentor(context))
        {
            log.LogWarning("Mentor contact setting refused for user {UserId}: not a mentor", context.Message.UserId);
            context.Reply(context.T(ProgramTexts.MentorsOnly));
            return;
        }

        var id = MentorContact.IdFor(context.Message.UserId);
        var current = await context.Work.GetAsync<MentorContact>(id);
        var argument = context.Message.CommandArgument;
        if (context.Message.ButtonData == StopButton || argument is "mati" or "off")
        {
            if (current is not null) context.Work.Delete(current);
            context.Reply(context.T(ProgramTexts.ContactOff));
            return;
        }

        if (argument is null)
        {
            if (current is null) context.Reply(context.T(ProgramTexts.ContactStatusOff));
            else context.Reply(context.T(ProgramTexts.ContactStatusOn, current.Phone), StopRow(context));
            return;
        }

        var phone = PhoneParser.Parse(argument);
        if (!phone.IsSuccess)
        {
            context.Reply(context.T(ProgramTexts.ContactInvalid));
            return;
        }

        if (current?.Phone == phone.Value)
        {
            context.Reply(context.T(ProgramTexts.ContactUnchanged, current.Phone), StopRow(context));
            return;
        }

        var contact = current ?? new MentorContact { Id = id, UserId = context.Message.UserId };
        contact.Phone = phone.Value;
        contact.SharedSince = context.Now;
        context.Work.Stage(contact);
        var told = await TellAssignedOwnersAsync(context, contact.Phone);
        context.Reply(told == 0 ? context.T(ProgramTexts.ContactOn, contact.Phone) : context.T(ProgramTexts.ContactOnAndSent, contact.Phone, told), StopRow(context));
    }

    /// <summary>The number to the owner of each IKM assigned to the mentor now, in the owner's language; how many were told.</summary>
    private static async Task<int> TellAssignedOwnersAsync(TurnContext context, string phone)
    {
        var told = 0;
        foreach (var assignment in await ProgramDirectory.ActiveAssignmentsOfMentorAsync(context, context.Message.UserId))
        {
            if (await ProgramDirectory.BusinessAsync(context, assignment.BusinessId) is not { OwnerUserId: > 0, Anonymised: false } business) continue;
            var mentorName = await ProgramDirectory.StaffNameAsync(context, assignment.CohortId, context.Message.UserId);
            var language = await context.Work.LanguageOfAsync(business.OwnerUserId);
            context.SendTo(business.OwnerUserId, ProgramTexts.OwnerMentorShared.In(language, mentorName, phone));
            told++;
        }

        return told;
    }

    private static IReadOnlyList<IReadOnlyList<Button>> StopRow(TurnContext context) =>
        [[new Button(context.T(ProgramTexts.ContactStop), StopButton)]];
}
