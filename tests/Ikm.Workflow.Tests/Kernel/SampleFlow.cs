using System.Globalization;
using Ikm.Workflow.Kernel;
using Ikm.Workflow.Texts;

namespace Ikm.Workflow.Tests.Kernel;

public enum SampleState { Idle, AskingHours, AskingNote, Confirming, Saved, Dropped }

public enum SampleTrigger { Begin, HoursGiven, NoteGiven, BackToHours, Save, Drop }

public enum SampleChoice { Save, Drop }

public sealed record SampleDraft
{
    public decimal? Hours { get; set; }
    public string? Note { get; set; }
}

/// <summary>The smallest flow that uses every part of the kernel; docs/architecture.md shows it.</summary>
public sealed class SampleFlow() : Flow<SampleState, SampleTrigger, SampleDraft>("sm")
{
    public static readonly Text AskHours = new("Berapa jam?", "How many hours?");
    public static readonly Text NotHours = new("Tulis jam sebagai angka, mis. 2,5.", "Write the hours as a number, e.g. 2.5.");
    public static readonly Text AskNote = new("Catatan?", "Note?");
    public static readonly Text Confirm = new("Simpan {0} jam: {1}?", "Save {0} hours: {1}?");
    public static readonly Text Sunday = new("Hari Minggu libur.", "Sunday is off.");

    public override string Name => "sample";
    protected override SampleState Idle => SampleState.Idle;
    protected override SampleTrigger Start => SampleTrigger.Begin;

    protected override void Configure(FlowBuilder<SampleState, SampleTrigger, SampleDraft> flow)
    {
        var hoursGiven = flow.Trigger<decimal>(SampleTrigger.HoursGiven);
        var noteGiven = flow.Trigger<string>(SampleTrigger.NoteGiven);

        flow.Step(SampleState.Idle)
            .Permit(SampleTrigger.Begin, SampleState.AskingHours);

        flow.Step(SampleState.AskingHours)
            .Prompt(turn => turn.Reply(turn.T(AskHours)), "ask hours")
            .OnEntryFrom(SampleTrigger.Begin, turn => { if (turn.Now.DayOfWeek == DayOfWeek.Sunday) turn.Then(SampleTrigger.Drop); }, "no work on Sundays")
            .OnText(ReadHours, hoursGiven)
            .PermitIf(hoursGiven, SampleState.AskingNote, hours => hours <= 12, "at most 12 hours")
            .Permit(SampleTrigger.Drop, SampleState.Dropped);

        flow.Step(SampleState.AskingNote)
            .Prompt(turn => turn.Reply(turn.T(AskNote)), "ask note")
            .OnEntryFrom(hoursGiven, (turn, hours) => turn.Draft.Hours = hours, "keep hours")
            .OnText(noteGiven)
            .Back(SampleTrigger.BackToHours)
            .Permit(SampleTrigger.BackToHours, SampleState.AskingHours)
            .Permit(SampleTrigger.NoteGiven, SampleState.Confirming);

        flow.Step(SampleState.Confirming)
            .Prompt(turn => turn.Reply(turn.T(Confirm, turn.Draft.Hours!, turn.Draft.Note!),
                [[turn.Button(SampleTexts.Save, SampleChoice.Save), turn.Button(SampleTexts.Drop, SampleChoice.Drop)]]), "ask to save")
            .OnEntryFrom(noteGiven, (turn, note) => turn.Draft.Note = note, "keep note")
            .OnChoice(SampleChoice.Save, SampleTrigger.Save)
            .OnChoice(SampleChoice.Drop, SampleTrigger.Drop)
            .Permit(SampleTrigger.Save, SampleState.Saved)
            .Permit(SampleTrigger.Drop, SampleState.Dropped);

        flow.Step(SampleState.Saved).Ends()
            .OnEntryFrom(SampleTrigger.Save, turn => turn.Reply("✅"), "saved");

        flow.Step(SampleState.Dropped).Ends()
            .OnEntryFrom(SampleTrigger.Drop, turn => turn.Reply(turn.T(Sunday)), "dropped");
    }

    private static Read<decimal> ReadHours(FlowTurn<SampleDraft> turn, string text) =>
        decimal.TryParse(text.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var hours)
            ? Read<decimal>.Ok(hours)
            : Read<decimal>.Refuse(turn.T(NotHours));
}

public static class SampleTexts
{
    public static readonly Text Save = new("Simpan", "Save");
    public static readonly Text Drop = new("Buang", "Drop");
}
