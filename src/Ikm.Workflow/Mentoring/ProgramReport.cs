namespace Ikm.Workflow.Mentoring;

/// <summary>A coordinator report: text, and the files written for it (chart, workbook — several parts when one would be too big to send).</summary>
public sealed record ProgramReport(string Text, IReadOnlyList<ReportFile>? Files = null)
{
    public IReadOnlyList<ReportFile> Files { get; init; } = Files ?? [];

    /// <summary>Buttons under the text (the /terlambat IKMs' cards).</summary>
    public IReadOnlyList<IReadOnlyList<Messaging.Button>>? Buttons { get; init; }
}
